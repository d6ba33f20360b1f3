// Builds the components the WIT type decoder (src/wit/) is tested against into
// e2e/.built/components/, one per toolchain this machine has, from sources in this file:
//
// - wat-forms.wasm: hand-written WAT (jco's `parse`): an imported component type instantiated,
//   an instance type holding a core module type, an instance exported by another and aliased.
// - wit-every-type.wasm: wit-component through jco's wasm-tools (`component embed --dummy`, then
//   `component new`): every WIT type, a resource, imported and exported interfaces.
// - wit-p3-command.wasm, wit-p3-library.wasm: the same toolchain, for WASI 0.3 (p3): async
//   functions, streams and futures, and a `wasi:cli/run@0.3.0` command.
// - c-preview1-command.wasm: the C command fixture (clang, wasi-libc) made a component with the
//   WASI preview1 command adapter jco ships, as the playground does in the browser.
// - *-2023-names.wasm: the older encoding of interface names (see oldInterfaceNames below).
//
// componentize-qjs components are the example and fixture skills built by build.mjs.
import fs from 'node:fs/promises';
import path from 'node:path';
import { TextDecoder } from 'node:util';

const WAT_FORMS = `(component $top
  (type $plugin-type (component
    (type $host-type (instance (export "now" (func (result u64)))))
    (import "host" (instance (type $host-type)))
    (export "run" (func (param "x" string) (result string)))))
  (import "plugin" (component $plugin (type $plugin-type)))
  (type $host-type (instance
    (core type (module (export "m" (memory 1)) (import "a" "b" (func (param i32)))))
    (type $pt (record (field "a" u32) (field "b" (list string))))
    (export "pt" (type (eq $pt)))
    (type $now-type (func (result u64)))
    (export "now" (func (type $now-type)))))
  (import "host" (instance $host (type $host-type)))
  (instance $plugged (instantiate $plugin (with "host" (instance $host))))
  (alias export $plugged "run" (func $run))
  (export "run" (func $run))
  (alias export $host "now" (func $now))
  (alias export $host "pt" (type $pt))
  (instance $clock (export "now" (func $now)) (export "run" (func $run)))
  (instance $outer (export "clock" (instance $clock)))
  (alias export $outer "clock" (instance $clock-again))
  (export "fixtures:wat/clock@1.0.0" (instance $clock-again)))`;

const WIT_EVERY_TYPE = `package fixtures:every-type@0.2.1;

interface types {
  record point { x: f64, y-pos: f64 }
  variant shape { circle(f64), square(point), dot }
  enum color { red, green, blue }
  flags perms { read, write, exec }
  type id = u64;
  resource counter {
    constructor(start: u32);
    add: func(n: u32) -> u32;
    total: static func() -> u64;
  }
}

interface log {
  use types.{point};
  write: func(msg: string, at: option<point>);
}

interface api {
  use types.{point, shape, color, perms, id, counter};
  area: func(s: shape) -> f64;
  mix: func(c: color, p: perms, l: list<tuple<u8, s16, char>>, o: option<option<string>>) -> result<list<point>, string>;
  ints: func(a: s8, b: u16, c: s32, d: u64, e: f32, f: bool) -> tuple<id, u8>;
  check: func(b: list<u8>) -> result<_, string>;
  take: func(c: counter) -> u32;
  peek: func(c: borrow<counter>) -> u32;
  nothing: func();
  unit: func() -> result;
}

world every-type {
  import log;
  export types;
  export api;
  export hello: func(name: string, times: u8) -> list<string>;
  export inline: interface {
    ping: func() -> bool;
  }
}
`;

const WIT_ASYNC = `package fixtures:p3-jobs@0.1.0;

interface jobs {
  start: async func(name: string) -> u32;
  feed: func(data: stream<u8>) -> future<string>;
  now: func() -> u64;
}

world command {
  include wasi:cli/command@0.3.0;
  export jobs;
}

world library {
  export jobs;
}
`;

/**
 * Writes the components into `outDir`. `cCommand` is the built C fixture's core module, `jcoLib`
 * jco's lib folder (the preview1 adapter, the WASI 0.3 WIT).
 */
export async function buildComponentFixtures({ outDir, cCommand, jcoLib, scratchDir }) {
  // jco's wasm-tools reads WIT folders through preview2-shim's Node filesystem, which preopens
  // nothing unless told.
  const { _setPreopens } = await import('@bytecodealliance/preview2-shim/filesystem');
  _setPreopens({ '/': '/' });
  const { componentEmbed, componentNew, componentWit, parse } =
    await import('@bytecodealliance/jco-transpile/wasm-tools');
  const fromWit = async (options) =>
    componentNew(await componentEmbed({ dummy: true, ...options }));

  await fs.rm(outDir, { recursive: true, force: true });
  await fs.mkdir(outDir, { recursive: true });
  const write = (name, bytes) => fs.writeFile(path.join(outDir, name), bytes);

  await write('wat-forms.wasm', await parse(WAT_FORMS));

  const everyType = await fromWit({ witSource: WIT_EVERY_TYPE, world: 'every-type' });
  await write('wit-every-type.wasm', everyType);
  await write(
    'wit-every-type-2023-names.wasm',
    await sameWit(componentWit, everyType, oldInterfaceNames(everyType)),
  );

  // The WASI 0.3 packages jco ships, beside the world that includes wasi:cli/command.
  const witDir = path.join(scratchDir, 'async-wit');
  await fs.rm(witDir, { recursive: true, force: true });
  await fs.mkdir(path.join(witDir, 'deps'), { recursive: true });
  const wasi03 = path.join(jcoLib, 'wit/builtin/0.3.0');
  for (const pkg of await fs.readdir(wasi03)) {
    await fs.cp(path.join(wasi03, pkg), path.join(witDir, 'deps', pkg), { recursive: true });
  }
  await fs.writeFile(path.join(witDir, 'async.wit'), WIT_ASYNC);
  await write('wit-p3-command.wasm', await fromWit({ witPath: witDir, world: 'command' }));
  await write('wit-p3-library.wasm', await fromWit({ witPath: witDir, world: 'library' }));
  await fs.rm(witDir, { recursive: true, force: true });

  const adapter = await fs.readFile(path.join(jcoLib, 'wasi_snapshot_preview1.command.wasm'));
  const command = await componentNew(cCommand, [['wasi_snapshot_preview1', adapter]]);
  await write('c-preview1-command.wasm', command);
  await write(
    'c-preview1-command-2023-names.wasm',
    await sameWit(componentWit, command, oldInterfaceNames(command)),
  );
}

/** The patched component, after checking that jco's WIT printer reads it as the original. */
async function sameWit(componentWit, original, patched) {
  const [want, got] = [await componentWit(original), await componentWit(patched)];
  if (want !== got) throw new Error(`the 2023 name encoding changed the WIT:\n${got}`);
  return patched;
}

/**
 * The component with every interface name (`ns:pkg/iface@1.0.0`) of its imports and exports
 * marked by a 0x01 byte instead of 0x00, as wit-component wrote them in 2023 (cargo-component
 * 0.1 to 0.5): `0x00 name` was a plain name, `0x01 name` an interface name, nothing after either.
 * Today's wasm-tools writes 0x00 for both, and no toolchain here writes the old form, so it is
 * made from a current component by changing those bytes: a name keeps its length, so sections
 * keep theirs. Only type, import and export sections are changed, where a 0x00 byte, a length
 * and an interface name can only be an extern name (in an instance section an instantiation's
 * argument index may be 0x00 before the next argument's name); nested components are walked.
 */
function oldInterfaceNames(component) {
  const bytes = new Uint8Array(component);
  const leb = (at) => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[at++];
      value += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return [value, at];
      shift += 7;
    }
  };
  const utf8 = new TextDecoder();
  const INTERFACE = /^[a-z0-9-]+:[a-z0-9-]+\/[a-z0-9-]+(@[0-9A-Za-z.+-]+)?$/;
  let patched = 0;
  const walk = (start, end) => {
    for (let at = start + 8; at < end;) {
      const id = bytes[at];
      const [size, body] = leb(at + 1);
      if (id === 4) walk(body, body + size);
      else if (id === 7 || id === 10 || id === 11) {
        for (let i = body; i + 2 < body + size; i++) {
          const length = bytes[i + 1];
          if (bytes[i] !== 0x00 || length >= 0x80 || i + 2 + length > body + size) continue;
          const text = utf8.decode(bytes.subarray(i + 2, i + 2 + length));
          if (INTERFACE.test(text)) {
            bytes[i] = 0x01;
            patched += 1;
          }
        }
      }
      at = body + size;
    }
  };
  walk(0, bytes.length);
  if (patched === 0) throw new Error('no interface name to write in the 2023 encoding');
  return bytes;
}
