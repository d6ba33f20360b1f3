/** The WASI interfaces preview2-shim's WASIShim provides, by their unversioned names. */
export const WASI_INTERFACES = new Set([
  'wasi:cli/environment',
  'wasi:cli/exit',
  'wasi:cli/stderr',
  'wasi:cli/stdin',
  'wasi:cli/stdout',
  'wasi:cli/terminal-input',
  'wasi:cli/terminal-output',
  'wasi:cli/terminal-stderr',
  'wasi:cli/terminal-stdin',
  'wasi:cli/terminal-stdout',
  'wasi:clocks/monotonic-clock',
  'wasi:clocks/wall-clock',
  'wasi:filesystem/preopens',
  'wasi:filesystem/types',
  'wasi:io/error',
  'wasi:io/poll',
  'wasi:io/streams',
  'wasi:random/insecure',
  'wasi:random/insecure-seed',
  'wasi:random/random',
  'wasi:sockets/instance-network',
  'wasi:sockets/ip-name-lookup',
  'wasi:sockets/network',
  'wasi:sockets/tcp',
  'wasi:sockets/tcp-create-socket',
  'wasi:sockets/udp',
  'wasi:sockets/udp-create-socket',
  'wasi:http/incoming-handler',
  'wasi:http/outgoing-handler',
  'wasi:http/types',
]);

/** Host functions of skill-engine's skill-basic world, supplied from the instance's config. */
export const HOST_FUNCTIONS = new Set(['get-config', 'get-all-config']);

/** Namespaces jco binds to the JavaScript global object in its default output. */
const REFUSED_PREFIXES = ['webidl:', 'jco:'];

export class ImportRefusedError extends Error {
  readonly code = 'ImportRefused';
}

/**
 * Sorts a component's imports: WASI (any 0.2.x version) and the skill-basic host functions are
 * provided; browser-global bindings are refused, with the import named; anything else is stubbed
 * so that exports which never call it still run.
 */
export function classifyImports(imports: string[]): { stubbed: string[]; refused: string[] } {
  const stubbed: string[] = [];
  const refused: string[] = [];
  for (const name of imports) {
    const unversioned = name.replace(/@[^/#]*$/, '');
    if (REFUSED_PREFIXES.some((prefix) => unversioned.startsWith(prefix))) refused.push(name);
    else if (!WASI_INTERFACES.has(unversioned) && !HOST_FUNCTIONS.has(unversioned))
      stubbed.push(name);
  }
  return { stubbed, refused };
}

export function refusalMessage(refused: string[]): string {
  return `The component imports ${refused.join(', ')}: such imports reach the browser's own APIs (the page, its network and storage), so the playground will not run it.`;
}
