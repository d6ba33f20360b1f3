import type { BinaryReader } from './binaryReader';
import {
  named,
  readAlias,
  readDefType,
  readExternDesc,
  readExternName,
  readResults,
  readSortIndex,
  typeNameOfImport,
} from './componentTypes';
import { Scope, type Exports, type Item } from './scope';

// The sections of a component (component-model design/mvp/Binary.md), followed just far enough
// to know the type of everything it exports. Core modules are skipped by their length.

export function readComponent(reader: BinaryReader, parent: Scope | undefined): Exports {
  const magic = [0x00, 0x61, 0x73, 0x6d];
  for (const expected of magic) {
    if (reader.byte() !== expected) reader.fail('This is not a WebAssembly binary');
  }
  const version = reader.byte() | (reader.byte() << 8);
  const layer = reader.byte() | (reader.byte() << 8);
  if (layer !== 1) reader.fail('This is a core WebAssembly module, not a component');
  // 0x0d while the component model is pre-standard; the prototypes before it encoded types and
  // names differently, and jco refuses them too.
  if (version < 0x0d)
    reader.fail(
      `This component is in version ${version} of the binary format, from before 2023; rebuild it with a current toolchain`,
    );

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
      // Each instance is added as it is read: a later one may export an earlier one.
      r.vec(() => scope.add(readInstance(r, scope)));
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
