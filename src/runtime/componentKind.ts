import type { ComponentInfo } from './protocol';

/** How the playground calls a component, decided from what it exports. */
export type ComponentKind = 'skill-engine' | 'command' | 'component';

const SKILL_ENGINE = ['getMetadata', 'getTools', 'executeTool', 'validateConfig'];

/**
 * A skill-engine skill exports the four functions (componentize-qjs's extra `init` is ignored);
 * a command exports wasi:cli/run; anything else is called function by function.
 */
export function componentKind(info: ComponentInfo): ComponentKind {
  const functions = new Set(
    info.exports.filter(([, kind]) => kind === 'function').map(([name]) => name),
  );
  if (SKILL_ENGINE.every((name) => functions.has(name))) return 'skill-engine';
  if (info.exports.some(([name]) => /^(wasi:cli\/run(@.*)?|run)$/.test(name))) return 'command';
  return 'component';
}
