import type { ComponentInfo } from './protocol';

/**
 * How the playground calls a component, decided from what it exports; an astrid capsule's
 * plugin is known by its Capsule.toml instead.
 */
export type ComponentKind = 'skill-engine' | 'command' | 'component' | 'capsule';

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
  // jco names the exported wasi:cli/run interface `run` (an instance); a function named run is
  // just a function of a plain component.
  if (
    info.exports.some(
      ([name, kind]) =>
        /^wasi:cli\/run(@.*)?$/.test(name) || (name === 'run' && kind !== 'function'),
    )
  )
    return 'command';
  return 'component';
}
