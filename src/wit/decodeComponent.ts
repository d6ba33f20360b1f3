import { BinaryReader, DecodeError } from './binaryReader';
import type {
  ComponentExports,
  ExportedFunction,
  PrimitiveKind,
  UnsupportedExport,
  WitFunction,
  WitType,
} from './types';

// A reader of the component binary format (component-model design/mvp/Binary.md) that follows
// index spaces just far enough to know the type of everything a component exports. Core modules
// are skipped by their length, so a multi-megabyte component decodes in a millisecond or two.
// Nested components are decoded on their own; instantiating one gives its exports' types as it
// declared them (wit-component ascribes them), so no type substitution is needed. Resources stay
// abstract: the playground does not call them yet.

/** What a type index refers to. */
type Def =
  | { def: 'value'; type: WitType }
  | { def: 'func'; func: WitFunction }
  | { def: 'instance'; exports: Exports }
  | { def: 'component'; exports: Exports }
  | { def: 'core' };

/** Anything that can be imported, exported or aliased. */
type Item =
  | { sort: 'func'; func: WitFunction }
  | { sort: 'type'; type: Def }
  | { sort: 'instance'; exports: Exports }
  | { sort: 'component'; exports: Exports }
  | { sort: 'value' }
  | { sort: 'core' };

type Exports = Map<string, Item>;
type Sort = Item['sort'];

/** The index spaces of one component, component type or instance type. */
class Scope {
  types: Def[] = [];
  funcs: WitFunction[] = [];
  instances: Exports[] = [];
  components: Exports[] = [];

  constructor(
    /** The reader errors are reported against: the section being read. */
    public reader: BinaryReader,
    readonly parent?: Scope,
  ) {}

  add(item: Item): void {
    switch (item.sort) {
      case 'func':
        this.funcs.push(item.func);
        break;
      case 'type':
        this.types.push(item.type);
        break;
      case 'instance':
        this.instances.push(item.exports);
        break;
      case 'component':
        this.components.push(item.exports);
        break;
      default:
        break; // values and core items are not followed
    }
  }

  item(sort: Sort, index: number): Item {
    switch (sort) {
      case 'func':
        return { sort, func: this.at(this.funcs, index, 'function') };
      case 'type':
        return { sort, type: this.at(this.types, index, 'type') };
      case 'instance':
        return { sort, exports: this.at(this.instances, index, 'instance') };
      case 'component':
        return { sort, exports: this.at(this.components, index, 'component') };
      default:
        return { sort };
    }
  }

  type(index: number): Def {
    return this.at(this.types, index, 'type');
  }

  valueType(index: number): WitType {
    const def = this.type(index);
    if (def.def !== 'value') this.reader.fail(`Type ${index} is not a value type`);
    return def.type;
  }

  outer(count: number): Scope {
    if (count === 0) return this;
    if (!this.parent) this.reader.fail('An outer alias reaches past the outermost component');
    return this.parent.outer(count - 1);
  }

  private at<T>(list: T[], index: number, what: string): T {
    const found = list[index];
    if (found === undefined) this.reader.fail(`There is no ${what} ${index}`);
    return found;
  }
}

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
      const resource = /^\[(constructor|method|static)\]([^.]+)(?:\.(.+))?$/.exec(name);
      if (resource) {
        const list = resources.get(resource[2]!) ?? [];
        list.push(resource[1] === 'constructor' ? 'constructor' : resource[3]!);
        resources.set(resource[2]!, list);
        continue;
      }
      const reason = unsupportedReason(func);
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

function findUnsupported(type: WitType): string | undefined {
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

// ---- components ---------------------------------------------------------------------------------

function readComponent(reader: BinaryReader, parent: Scope | undefined): Exports {
  const magic = [0x00, 0x61, 0x73, 0x6d];
  for (const expected of magic) {
    if (reader.byte() !== expected) reader.fail('This is not a WebAssembly binary');
  }
  reader.byte(); // version: 0x0d while the component model is pre-standard
  reader.byte();
  const layer = reader.byte() | (reader.byte() << 8);
  if (layer !== 1) reader.fail('This is a core WebAssembly module, not a component');

  const scope = new Scope(reader, parent);
  const exports: Exports = new Map();
  while (!reader.done) {
    const id = reader.byte();
    const section = reader.sub(reader.u32());
    scope.reader = section;
    readSection(id, section, scope, exports);
  }
  return exports;
}

function readSection(id: number, r: BinaryReader, scope: Scope, exports: Exports): void {
  switch (id) {
    case 4:
      scope.add({ sort: 'component', exports: readComponent(r, scope) });
      return;
    case 5:
      for (const item of r.vec(() => readInstance(r, scope))) scope.add(item);
      return;
    case 6:
      r.vec(() => readAlias(r, scope));
      return;
    case 7:
      r.vec(() => scope.add({ sort: 'type', type: readDefType(r, scope) }));
      return;
    case 8:
      r.vec(() => readCanon(r, scope));
      return;
    case 10:
      r.vec(() => {
        const name = readExternName(r);
        scope.add(named(readExternDesc(r, scope), typeNameOfImport(name)));
      });
      return;
    case 11:
      r.vec(() => {
        const name = readExternName(r);
        const [sort, index] = readSortIndex(r);
        const declared = r.byte() === 0x01 ? readExternDesc(r, scope) : undefined;
        const item = named(declared ?? scope.item(sort, index), name);
        exports.set(name, item);
        scope.add(item);
      });
      return;
    default:
      // custom (0), core module (1), core instance (2), core type (3), start (9), value (12):
      // nothing the exported types depend on.
      return;
  }
}

function readInstance(r: BinaryReader, scope: Scope): Item {
  const form = r.byte();
  if (form === 0x00) {
    const component = scope.item('component', r.u32());
    r.vec(() => {
      r.name();
      readSortIndex(r);
    });
    return { sort: 'instance', exports: (component as { exports: Exports }).exports };
  }
  if (form === 0x01) {
    const exports: Exports = new Map();
    r.vec(() => {
      const name = readExternName(r);
      const [sort, index] = readSortIndex(r);
      exports.set(name, named(scope.item(sort, index), name));
    });
    return { sort: 'instance', exports };
  }
  return r.fail(`Unknown instance form 0x${form.toString(16)}`);
}

function readAlias(r: BinaryReader, scope: Scope): void {
  const sort = readSort(r);
  const target = r.byte();
  if (target === 0x00) {
    const instance = scope.item('instance', r.u32()) as { exports: Exports };
    const name = r.name();
    const item = instance.exports.get(name);
    if (!item) r.fail(`The instance exports nothing named ${name}`);
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

function readCanon(r: BinaryReader, scope: Scope): void {
  const op = r.byte();
  switch (op) {
    case 0x00: {
      // lift: the only canonical definition that makes a component function
      r.byte();
      r.u32();
      readCanonOptions(r);
      const def = scope.type(r.u32());
      if (def.def !== 'func') r.fail('canon lift names a type that is not a function');
      scope.add({ sort: 'func', func: def.func });
      return;
    }
    case 0x01:
      r.byte();
      r.u32();
      readCanonOptions(r);
      return;
    case 0x02:
    case 0x03:
    case 0x04:
    case 0x07:
    case 0x0e:
    case 0x13:
    case 0x14:
    case 0x15:
    case 0x1a:
    case 0x1b:
      r.u32();
      return;
    case 0x05:
    case 0x08:
    case 0x0d:
    case 0x1e:
    case 0x1f:
    case 0x22:
    case 0x23:
    case 0x24:
    case 0x25:
    case 0x26:
    case 0x28:
      return;
    case 0x06:
    case 0x0c:
    case 0x29:
    case 0x2a:
    case 0x2b:
    case 0x2c:
    case 0x2d:
      r.byte();
      return;
    case 0x09:
      readResults(r, scope);
      readCanonOptions(r);
      return;
    case 0x0a:
    case 0x0b:
      r.byte();
      r.u32();
      return;
    case 0x0f:
    case 0x10:
    case 0x16:
    case 0x17:
      r.u32();
      readCanonOptions(r);
      return;
    case 0x11:
    case 0x12:
    case 0x18:
    case 0x19:
      r.u32();
      r.byte();
      return;
    case 0x1c:
    case 0x1d:
      readCanonOptions(r);
      return;
    case 0x20:
    case 0x21:
      r.byte();
      r.u32();
      return;
    case 0x27:
      r.u32();
      r.u32();
      return;
    default:
      r.fail(`Unknown canonical definition 0x${op.toString(16)}`);
  }
}

function readCanonOptions(r: BinaryReader): void {
  r.vec(() => {
    const option = r.byte();
    if (option === 0x03 || option === 0x04 || option === 0x05 || option === 0x07) r.u32();
    else if (option > 0x07) r.fail(`Unknown canonical option 0x${option.toString(16)}`);
  });
}

// ---- names, sorts and extern descriptions -------------------------------------------------------

function readExternName(r: BinaryReader): string {
  const form = r.byte();
  const name = r.name();
  // 0x01 adds a version suffix (or, in older encodings, a URL) after the name.
  if (form === 0x01) r.name();
  else if (form !== 0x00) r.fail(`Unknown name form 0x${form.toString(16)}`);
  return name;
}

function readSort(r: BinaryReader): Sort {
  const code = r.byte();
  if (code === 0x00) {
    r.byte();
    return 'core';
  }
  const sort = SORTS[code];
  if (!sort) r.fail(`Unknown sort 0x${code.toString(16)}`);
  return sort;
}

function readSortIndex(r: BinaryReader): [Sort, number] {
  const sort = readSort(r);
  return [sort, r.u32()];
}

function readExternDesc(r: BinaryReader, scope: Scope): Item {
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
function named(item: Item, name: string | undefined): Item {
  if (!name || item.sort !== 'type' || item.type.def !== 'value') return item;
  return { sort: 'type', type: { def: 'value', type: { ...item.type.type, name } } };
}

/** wit-component's shim components import types as `import-type-point`: the name is `point`. */
function typeNameOfImport(name: string): string | undefined {
  return name.startsWith('import-type-') ? name.slice('import-type-'.length) : name;
}

// ---- types --------------------------------------------------------------------------------------

function readDefType(r: BinaryReader, scope: Scope): Def {
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
      return { def: 'value', type: readDefValType(r, scope) };
  }
}

function readResults(r: BinaryReader, scope: Scope): WitType | undefined {
  const form = r.byte();
  if (form === 0x00) return readValType(r, scope);
  if (form !== 0x01) r.fail(`Unknown result list 0x${form.toString(16)}`);
  // Named results (an older encoding); none is the common case.
  const fields = r.vec(() => ({ name: r.name(), type: readValType(r, scope) }));
  return fields.length === 0 ? undefined : { kind: 'record', fields };
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

function readValType(r: BinaryReader, scope: Scope): WitType {
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
    default: {
      const kind = PRIMITIVES[code];
      if (!kind) r.fail(`Unknown type 0x${code.toString(16)}`);
      return { kind };
    }
  }
}

// ---- core types, only ever skipped ---------------------------------------------------------------

function skipCoreType(r: BinaryReader): void {
  const form = r.byte();
  if (form === 0x60) {
    r.vec(() => skipCoreValType(r));
    r.vec(() => skipCoreValType(r));
  } else if (form === 0x50) {
    r.vec(() => {
      const declaration = r.byte();
      if (declaration === 0x00) {
        r.name();
        r.name();
        skipCoreImportDesc(r);
      } else if (declaration === 0x01) skipCoreType(r);
      else if (declaration === 0x02) {
        r.byte();
        r.byte();
        r.u32();
        r.u32();
      } else if (declaration === 0x03) {
        r.name();
        skipCoreImportDesc(r);
      } else r.fail(`Unknown module type declaration 0x${declaration.toString(16)}`);
    });
  } else r.fail(`Unknown core type 0x${form.toString(16)}`);
}

function skipCoreValType(r: BinaryReader): void {
  const code = r.byte();
  if (code === 0x64 || code === 0x63) r.s33();
}

function skipCoreImportDesc(r: BinaryReader): void {
  const kind = r.byte();
  const limits = () => {
    const flags = r.byte();
    r.s33();
    if (flags & 0x01) r.s33();
  };
  if (kind === 0x00) r.u32();
  else if (kind === 0x01) {
    skipCoreValType(r);
    limits();
  } else if (kind === 0x02) limits();
  else if (kind === 0x03) {
    skipCoreValType(r);
    r.byte();
  } else if (kind === 0x04) {
    r.byte();
    r.u32();
  } else r.fail(`Unknown core import 0x${kind.toString(16)}`);
}

export { DecodeError };
