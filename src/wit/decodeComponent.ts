import { BinaryReader, DecodeError } from './binaryReader';
import { readComponent } from './componentSections';
import type {
  ComponentExports,
  ExportedFunction,
  UnsupportedExport,
  WitFunction,
  WitType,
} from './types';

// A reader of the component binary format (component-model design/mvp/Binary.md) that follows
// index spaces just far enough to know the type of everything a component exports. Core modules
// are skipped by their length, so a multi-megabyte component decodes in a millisecond or two.
// Nested components are decoded on their own; instantiating one gives its exports' types as it
// declared them (wit-component ascribes them), so no type substitution is needed. Resources stay
// abstract: the playground does not call them yet. Malformed bytes end in a DecodeError: every
// count is checked against the bytes left, nesting and type sizes are bounded (scope.ts,
// componentTypes.ts), so no input makes it spin, recurse without end or allocate without bound.

/**
 * The functions a component exports, with their WIT types, top-level and per exported
 * interface; resources and async (p3) functions are listed apart with the reason.
 * Throws DecodeError for bytes that are not a component this reader understands.
 */
export function decodeComponentExports(bytes: Uint8Array): ComponentExports {
  const reader = new BinaryReader(bytes);
  const exports = readComponent(reader, undefined);
  const functions: ExportedFunction[] = [];
  const unsupported: UnsupportedExport[] = [];
  const collect = (iface: string | undefined, members: Iterable<[string, WitFunction]>) => {
    const resources = new Map<string, string[]>();
    for (const [name, func] of members) {
      // `[async method]r.m` and `[async]f` are how p3 marked async functions before `async func`.
      const resource = /^\[(?:async )?(constructor|method|static)\]([^.]+)(?:\.(.+))?$/.exec(name);
      if (resource) {
        const list = resources.get(resource[2]!) ?? [];
        list.push(resource[1] === 'constructor' ? 'constructor' : resource[3]!);
        resources.set(resource[2]!, list);
        continue;
      }
      const reason = name.startsWith('[async]')
        ? 'async (p3) functions are not supported yet'
        : unsupportedReason(func);
      if (reason) unsupported.push({ interface: iface, name, reason });
      else functions.push({ ...(iface ? { interface: iface } : {}), name, func });
    }
    for (const [resource, members] of resources) {
      unsupported.push({
        interface: iface,
        name: `resource ${resource}`,
        reason: `resources are not supported yet (${members.join(', ')})`,
      });
    }
  };
  const topLevel: Array<[string, WitFunction]> = [];
  for (const [name, item] of exports) {
    if (item.sort === 'func') topLevel.push([name, item.func]);
  }
  collect(undefined, topLevel);
  for (const [name, item] of exports) {
    if (item.sort !== 'instance') continue;
    const members: Array<[string, WitFunction]> = [];
    for (const [member, inner] of item.exports) {
      if (inner.sort === 'func') members.push([member, inner.func]);
    }
    collect(name, members);
  }
  return { functions, unsupported };
}

function unsupportedReason(func: WitFunction): string | undefined {
  if (func.async) return 'async (p3) functions are not supported yet';
  const types = [...func.params.map((p) => p.type), ...(func.result ? [func.result] : [])];
  for (const type of types) {
    const found = findUnsupported(type);
    if (found) return found;
  }
  return undefined;
}

const unsupportedOf = new WeakMap<WitType, string | null>();

/**
 * Why a type cannot be given or shown yet, if it cannot. Kept per type: types are shared by
 * index, so each is walked once however many functions use it.
 */
function findUnsupported(type: WitType): string | undefined {
  const known = unsupportedOf.get(type);
  if (known !== undefined) return known ?? undefined;
  const found = unsupportedHere(type);
  unsupportedOf.set(type, found ?? null);
  return found;
}

function unsupportedHere(type: WitType): string | undefined {
  switch (type.kind) {
    case 'own':
    case 'borrow':
      return `uses resource ${type.resource}: resources are not supported yet`;
    case 'resource':
      return `uses resource ${type.name ?? ''}: resources are not supported yet`;
    case 'stream':
    case 'future':
    case 'error-context':
      return `uses ${type.kind} (p3 async): not supported yet`;
    case 'map':
      return 'uses map: not supported yet';
    case 'record':
      return first(type.fields.map((f) => f.type));
    case 'variant':
      return first(type.cases.flatMap((c) => (c.type ? [c.type] : [])));
    case 'list':
      return findUnsupported(type.element);
    case 'tuple':
      return first(type.items);
    case 'option':
      return findUnsupported(type.inner);
    case 'result':
      return first([type.ok, type.err].filter((t): t is WitType => t !== undefined));
    default:
      return undefined;
  }
}

function first(types: WitType[]): string | undefined {
  for (const type of types) {
    const found = findUnsupported(type);
    if (found) return found;
  }
  return undefined;
}

/**
 * The `wasi:cli/run` interface of a WASI 0.3 (p3) command, when the component is one. Its `run`
 * is an async function that jco cannot call yet, so such a command is said to be unsupported
 * before anyone presses Run.
 */
export function wasiP3Command(exports: ComponentExports): string | undefined {
  const names = [...exports.functions, ...exports.unsupported].map((e) => e.interface);
  return names.find((name) => name !== undefined && /^wasi:cli\/run@0\.3(?:\.|$)/.test(name));
}

export { DecodeError };
