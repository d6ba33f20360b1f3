type Fn = (...args: unknown[]) => unknown;

/** `execute-tool` in WIT is `executeTool` in the JS jco generates. */
export function jsName(witName: string): string {
  return witName.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Finds an export by its WIT name. A top-level function is `execute-tool`; a function of an
 * exported interface is `wasi:cli/run#run`, which jco exposes under the interface's full name
 * (`wasi:cli/run@0.2.3`) and, when unambiguous, its short name (`run`).
 */
export function findExport(instance: Record<string, unknown>, witName: string): Fn | undefined {
  const hash = witName.indexOf('#');
  if (hash < 0) {
    const fn = instance[jsName(witName)];
    return typeof fn === 'function' ? (fn as Fn) : undefined;
  }
  const iface = witName.slice(0, hash);
  const member = jsName(witName.slice(hash + 1));
  const unversioned = iface.replace(/@.*$/, '');
  const short = jsName(unversioned.split('/').pop() ?? unversioned);
  const candidates = [
    instance[iface],
    ...Object.keys(instance)
      .filter((key) => key.replace(/@.*$/, '') === unversioned)
      .map((key) => instance[key]),
    instance[short],
  ];
  for (const candidate of candidates) {
    const fn = (candidate as Record<string, unknown> | undefined)?.[member];
    if (typeof fn === 'function') return fn.bind(candidate) as Fn;
  }
  return undefined;
}
