import type { BinaryReader } from './binaryReader';
import { skipCoreType } from './coreTypes';
import { Scope, type Def, type Exports, type Item, type Sort } from './scope';
import type { PrimitiveKind, WitType } from './types';

// Types, names, sorts, aliases and extern descriptions of the component binary format
// (component-model design/mvp/Binary.md): everything a type declaration can hold.

const PRIMITIVES: Record<number, PrimitiveKind> = {
  0x7f: 'bool',
  0x7e: 's8',
  0x7d: 'u8',
  0x7c: 's16',
  0x7b: 'u16',
  0x7a: 's32',
  0x79: 'u32',
  0x78: 's64',
  0x77: 'u64',
  0x76: 'f32',
  0x75: 'f64',
  0x74: 'char',
  0x73: 'string',
};

const SORTS: Record<number, Sort> = {
  0x01: 'func',
  0x02: 'value',
  0x03: 'type',
  0x04: 'component',
  0x05: 'instance',
};

// ---- limits on decoded types --------------------------------------------------------------------

/**
 * A type refers to earlier types by index, so a few bytes can describe a type whose tree is
 * huge (`tuple<t, t>` sixty times over is 2^60 leaves). Forms, printers and checks walk that
 * tree, so a type is refused past these sizes; real WIT types are a few hundred parts at most.
 */
export const MAX_TYPE_SIZE = 100_000;
export const MAX_TYPE_DEPTH = 100;

const measured = new WeakMap<WitType, { size: number; depth: number }>();

function childrenOf(type: WitType): WitType[] {
  switch (type.kind) {
    case 'record':
      return type.fields.map((f) => f.type);
    case 'variant':
      return type.cases.flatMap((c) => (c.type ? [c.type] : []));
    case 'list':
      return [type.element];
    case 'tuple':
      return type.items;
    case 'option':
      return [type.inner];
    case 'result':
      return [type.ok, type.err].filter((t): t is WitType => t !== undefined);
    case 'stream':
    case 'future':
      return type.inner ? [type.inner] : [];
    case 'map':
      return [type.key, type.value];
    default:
      return [];
  }
}

/** The type's size (parts, counted as a tree) and depth, from its parts' own (kept per type). */
function measure(type: WitType): { size: number; depth: number } {
  const known = measured.get(type);
  if (known) return known;
  let size = 1;
  let depth = 0;
  // Parts were measured when they were made; only a renamed copy (see `named`) is new here.
  for (const child of childrenOf(type)) {
    const part = measure(child);
    size = Math.min(size + part.size, Number.MAX_SAFE_INTEGER);
    depth = Math.max(depth, part.depth);
  }
  const result = { size, depth: depth + 1 };
  measured.set(type, result);
  return result;
}

function limited(r: BinaryReader, type: WitType): WitType {
  const { size, depth } = measure(type);
  if (size > MAX_TYPE_SIZE)
    r.fail(`A type has more than ${MAX_TYPE_SIZE} parts, more than the playground reads`);
  if (depth > MAX_TYPE_DEPTH)
    r.fail(`A type nests more than ${MAX_TYPE_DEPTH} levels deep, more than the playground reads`);
  return type;
}

// ---- names, sorts and extern descriptions -------------------------------------------------------

/** A semantic version, as a draft of the spec puts after a `0x01` name (see readExternName). */
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

export function readExternName(r: BinaryReader): string {
  const form = r.byte();
  if (form !== 0x00 && form !== 0x01) r.fail(`Unknown name form 0x${form.toString(16)}`);
  const name = r.name();
  // 0x01 is how wit-component marked interface names (`wasi:cli/run@0.2.0`) in 2023: components
  // built by cargo-component of that time carry it, followed by nothing more, and wasmparser (so
  // jco) still reads it as a plain name. A later draft of the spec puts a version suffix after a
  // 0x01 name; it is skipped when the bytes that follow are one. Nothing that follows a name in
  // the older form reads as one: an extern description or a sort index is a byte of 0 to 5, then
  // an index and another such byte, never a length and "1.2.3".
  if (form === 0x01) skipVersionSuffix(r);
  return name;
}

function skipVersionSuffix(r: BinaryReader): void {
  const start = r.offset;
  const length = r.left > 0 ? r.peek() : 0;
  // A one-byte length of a version at least as long as "0.0.0".
  if (length >= 5 && length < 0x80 && length < r.left) {
    r.byte();
    const suffix = String.fromCharCode(...r.take(length));
    if (SEMVER.test(suffix)) return;
  }
  r.offset = start;
}

export function readSort(r: BinaryReader): Sort {
  const code = r.byte();
  if (code === 0x00) {
    r.byte();
    return 'core';
  }
  const sort = SORTS[code];
  if (!sort) r.fail(`Unknown sort 0x${code.toString(16)}`);
  return sort;
}

export function readSortIndex(r: BinaryReader): [Sort, number] {
  const sort = readSort(r);
  return [sort, r.u32()];
}

export function readExternDesc(r: BinaryReader, scope: Scope): Item {
  const code = r.byte();
  switch (code) {
    case 0x00:
      r.byte();
      r.u32();
      return { sort: 'core' };
    case 0x01: {
      const def = scope.type(r.u32());
      if (def.def !== 'func') r.fail('A function is declared with a type that is not one');
      return { sort: 'func', func: def.func };
    }
    case 0x02:
      if (r.byte() === 0x00) r.u32();
      else readValType(r, scope);
      return { sort: 'value' };
    case 0x03:
      return r.byte() === 0x00
        ? { sort: 'type', type: scope.type(r.u32()) }
        : { sort: 'type', type: { def: 'value', type: { kind: 'resource' } } };
    case 0x04:
    case 0x05: {
      const def = scope.type(r.u32());
      if (def.def !== 'instance' && def.def !== 'component')
        r.fail('An instance or component is declared with a type that is not one');
      return { sort: code === 0x04 ? 'component' : 'instance', exports: def.exports };
    }
    default:
      return r.fail(`Unknown extern description 0x${code.toString(16)}`);
  }
}

/** A type gets the name it is exported (or imported) under; other items are unchanged. */
export function named(item: Item, name: string | undefined): Item {
  if (!name || item.sort !== 'type' || item.type.def !== 'value') return item;
  return { sort: 'type', type: { def: 'value', type: { ...item.type.type, name } } };
}

/** wit-component's shim components import types as `import-type-point`: the name is `point`. */
export function typeNameOfImport(name: string): string | undefined {
  return name.startsWith('import-type-') ? name.slice('import-type-'.length) : name;
}

export function readAlias(r: BinaryReader, scope: Scope): void {
  const sort = readSort(r);
  const target = r.byte();
  if (target === 0x00) {
    const instance = scope.item('instance', r.u32()) as { exports: Exports };
    const name = r.name();
    const item = instance.exports.get(name);
    if (!item) r.fail(`The instance exports nothing named ${name}`);
    if (item.sort !== sort)
      r.fail(`The instance's export ${name} is a ${item.sort}, not a ${sort}`);
    scope.add(item);
  } else if (target === 0x01) {
    r.u32();
    r.name(); // a core export: core index spaces are not followed
  } else if (target === 0x02) {
    const count = r.u32();
    const index = r.u32();
    scope.add(scope.outer(count).item(sort, index));
  } else r.fail(`Unknown alias target 0x${target.toString(16)}`);
}

// ---- types --------------------------------------------------------------------------------------

export function readDefType(r: BinaryReader, scope: Scope): Def {
  const code = r.peek();
  switch (code) {
    case 0x40:
    case 0x43: {
      r.byte();
      const params = r.vec(() => ({ name: r.name(), type: readValType(r, scope) }));
      const result = readResults(r, scope);
      return { def: 'func', func: { params, ...(result ? { result } : {}), async: code === 0x43 } };
    }
    case 0x41:
    case 0x42: {
      r.byte();
      return {
        def: code === 0x41 ? 'component' : 'instance',
        exports: readTypeDeclarations(r, scope),
      };
    }
    case 0x3f:
      r.byte();
      r.byte(); // rep i32
      if (r.byte() === 0x01) r.u32(); // destructor
      return { def: 'value', type: { kind: 'resource' } };
    case 0x3e:
      r.byte();
      r.byte();
      r.u32();
      if (r.byte() === 0x01) r.u32(); // callback
      return { def: 'value', type: { kind: 'resource' } };
    default:
      return { def: 'value', type: limited(r, readDefValType(r, scope)) };
  }
}

export function readResults(r: BinaryReader, scope: Scope): WitType | undefined {
  const form = r.byte();
  if (form === 0x00) return readValType(r, scope);
  if (form !== 0x01) r.fail(`Unknown result list 0x${form.toString(16)}`);
  // Named results (an older encoding); none is the common case.
  const fields = r.vec(() => ({ name: r.name(), type: readValType(r, scope) }));
  return fields.length === 0 ? undefined : limited(r, { kind: 'record', fields });
}

function readTypeDeclarations(r: BinaryReader, parent: Scope): Exports {
  const scope = new Scope(r, parent);
  const exports: Exports = new Map();
  r.vec(() => {
    const declaration = r.byte();
    switch (declaration) {
      case 0x00:
        skipCoreType(r);
        return;
      case 0x01:
        scope.add({ sort: 'type', type: readDefType(r, scope) });
        return;
      case 0x02:
        readAlias(r, scope);
        return;
      case 0x03: {
        const name = readExternName(r);
        scope.add(named(readExternDesc(r, scope), name));
        return;
      }
      case 0x04: {
        const name = readExternName(r);
        const item = named(readExternDesc(r, scope), name);
        exports.set(name, item);
        scope.add(item);
        return;
      }
      default:
        r.fail(`Unknown type declaration 0x${declaration.toString(16)}`);
    }
  });
  return exports;
}

export function readValType(r: BinaryReader, scope: Scope): WitType {
  const code = r.peek();
  // A single byte with the sign bit set is a type code; anything else is a type index.
  if ((code & 0xc0) === 0x40) {
    r.byte();
    if (code === 0x64) return { kind: 'error-context' };
    const kind = PRIMITIVES[code];
    if (!kind) r.fail(`Unknown value type 0x${code.toString(16)}`);
    return { kind };
  }
  const index = r.s33();
  if (index < 0) r.fail('A type index is negative');
  return scope.valueType(index);
}

function readDefValType(r: BinaryReader, scope: Scope): WitType {
  const code = r.byte();
  const optional = () => (r.byte() === 0x01 ? readValType(r, scope) : undefined);
  switch (code) {
    case 0x72:
      return {
        kind: 'record',
        fields: r.vec(() => ({ name: r.name(), type: readValType(r, scope) })),
      };
    case 0x71:
      return {
        kind: 'variant',
        cases: r.vec(() => {
          const name = r.name();
          const type = optional();
          if (r.byte() === 0x01) r.u32(); // `refines`, in older encodings
          return type ? { name, type } : { name };
        }),
      };
    case 0x70:
      return { kind: 'list', element: readValType(r, scope) };
    case 0x67: {
      const element = readValType(r, scope);
      return { kind: 'list', element, length: r.u32() };
    }
    case 0x6f:
      return { kind: 'tuple', items: r.vec(() => readValType(r, scope)) };
    case 0x6e:
      return { kind: 'flags', names: r.vec(() => r.name()) };
    case 0x6d:
      return { kind: 'enum', names: r.vec(() => r.name()) };
    case 0x6b:
      return { kind: 'option', inner: readValType(r, scope) };
    case 0x6a: {
      const ok = optional();
      const err = optional();
      return { kind: 'result', ...(ok ? { ok } : {}), ...(err ? { err } : {}) };
    }
    case 0x69:
    case 0x68: {
      const resource = scope.valueType(r.u32());
      return { kind: code === 0x69 ? 'own' : 'borrow', resource: resource.name ?? 'resource' };
    }
    case 0x66:
    case 0x65: {
      const inner = optional();
      return { kind: code === 0x66 ? 'stream' : 'future', ...(inner ? { inner } : {}) };
    }
    case 0x64:
      return { kind: 'error-context' };
    case 0x63: {
      const key = readValType(r, scope);
      return { kind: 'map', key, value: readValType(r, scope) };
    }
    default: {
      const kind = PRIMITIVES[code];
      if (!kind) r.fail(`Unknown type 0x${code.toString(16)}`);
      return { kind };
    }
  }
}
