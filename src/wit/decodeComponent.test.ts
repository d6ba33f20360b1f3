import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { describe, expect, it } from 'vitest';
import { decodeComponentExports, DecodeError } from './decodeComponent';
import { witSignature } from './types';

// Every form of definition the decoder follows: canon lift, type exports that name types, an
// inline-export instance (an interface), a nested component instantiated and re-exported (how
// wit-component and componentize-qjs build components), an outer alias, an imported instance
// type with a resource, and a resource constructor. `parse` encodes without validating, so the
// core module need not match the signatures.
const COMPONENT = `(component $top
  (type $it (instance
    (export "error" (type (sub resource)))
    (type $b (borrow 0))
    (export "describe" (func (param "e" $b) (result string)))))
  (import "wasi:io/error@0.2.0" (instance $err (type $it)))
  (alias export $err "error" (type $errt))
  (core module $m (func (export "f")) (memory (export "mem") 1))
  (core instance $i (instantiate $m))
  (alias core export $i "f" (core func $cf))
  (type $point (record (field "x" f64) (field "y-pos" f64)))
  (export $p "point" (type $point))
  (type $shape (variant (case "circle" f64) (case "dot")))
  (type $ft (func (param "at" $p) (param "n" u8) (param "s" $shape)
    (result (result s64 (error string)))))
  (func $area (type $ft) (canon lift (core func $cf)))
  (export "area" (func $area))
  (instance $iface (export "area" (func $area)) (export "point" (type $p)))
  (export "my:pkg/geo@1.0.0" (instance $iface))
  (type $r (resource (rep i32)))
  (export $re "blob" (type $r))
  (type $own (own $re))
  (type $mkt (func (result $own)))
  (func $mk (type $mkt) (canon lift (core func $cf)))
  (export "[constructor]blob" (func $mk))
  (type $eatt (func (param "b" $own)))
  (func $eat (type $eatt) (canon lift (core func $cf)))
  (export "eat" (func $eat))
  (component $inner
    (alias outer $top $point (type $outer-point))
    (type $t (enum "a" "b"))
    (export $te "letter" (type $t))
    (type $oo (option (option $outer-point)))
    (type $lt (list (tuple u16 char)))
    (type $f (func (param "l" $te) (param "o" $oo) (result $lt)))
    (import "imp" (func $imp (type $f)))
    (export "pick" (func $imp) (func (type $f))))
  (instance $ii (instantiate $inner (with "imp" (func $area))))
  (alias export $ii "pick" (func $pick))
  (export "pick" (func $pick)))`;

describe('decodeComponentExports', () => {
  it('gives every exported function its WIT signature, named types by name', async () => {
    const exports = decodeComponentExports(await parse(COMPONENT));
    const signatures = exports.functions.map(
      (f) => `${f.interface ?? ''} ${witSignature(f.name, f.func)}`,
    );
    expect(signatures).toEqual([
      ' area: func(at: point, n: u8, s: variant { circle(f64), dot }) -> result<s64, string>',
      ' pick: func(l: letter, o: option<option<record { x: f64, y-pos: f64 }>>) -> list<tuple<u16, char>>',
      'my:pkg/geo@1.0.0 area: func(at: point, n: u8, s: variant { circle(f64), dot }) -> result<s64, string>',
    ]);
    const point = exports.functions[0]!.func.params[0]!.type;
    expect(point).toEqual({
      kind: 'record',
      name: 'point',
      fields: [
        { name: 'x', type: { kind: 'f64' } },
        { name: 'y-pos', type: { kind: 'f64' } },
      ],
    });
  });

  it('lists resources and functions that use them apart, with the reason', async () => {
    const exports = decodeComponentExports(await parse(COMPONENT));
    expect(exports.unsupported).toEqual([
      { name: 'eat', reason: 'uses resource blob: resources are not supported yet' },
      { name: 'resource blob', reason: 'resources are not supported yet (constructor)' },
    ]);
  });

  it('lists async (p3) functions and functions over streams or futures as not supported yet', async () => {
    const lifted = (type: string, func: string, name: string, options = '') => `(component
      (core module $m (func (export "f")))
      (core instance $i (instantiate $m))
      (alias core export $i "f" (core func $cf))
      ${type}
      (type $t ${func})
      (func $g (type $t) (canon lift (core func $cf) ${options}))
      (export "${name}" (func $g)))`;
    const async = await parse(lifted('', '(func async (param "x" u32))', 'later', 'async'));
    expect(decodeComponentExports(async)).toEqual({
      functions: [],
      unsupported: [{ name: 'later', reason: 'async (p3) functions are not supported yet' }],
    });
    const stream = await parse(lifted('(type $s (stream u8))', '(func (param "x" $s))', 'feed'));
    expect(decodeComponentExports(stream).unsupported).toEqual([
      { name: 'feed', reason: 'uses stream (p3 async): not supported yet' },
    ]);
    const future = await parse(
      lifted('(type $f (future string))', '(func (result $f))', 'eventually'),
    );
    expect(decodeComponentExports(future).unsupported).toEqual([
      { name: 'eventually', reason: 'uses future (p3 async): not supported yet' },
    ]);
  });

  it('reads a component with no exports', async () => {
    expect(decodeComponentExports(await parse('(component)'))).toEqual({
      functions: [],
      unsupported: [],
    });
  });

  it('reads a 0x01 name alone (2023) or followed by a version suffix (a later draft)', () => {
    const ascii = (text: string) => [text.length, ...[...text].map((c) => c.charCodeAt(0))];
    const section = (id: number, body: number[]) => [id, body.length, ...body];
    // An instance type exporting `f: func() -> u32`, imported under a 0x01 name and re-exported.
    const component = (importName: number[]) =>
      new Uint8Array([
        ...[0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00],
        ...section(7, [
          0x01,
          0x42,
          0x02,
          0x01,
          0x40,
          0x00,
          0x00,
          0x79,
          0x04,
          0x00,
          ...ascii('f'),
          0x01,
          0x00,
        ]),
        ...section(10, [0x01, ...importName, 0x05, 0x00]),
        ...section(11, [0x01, 0x00, ...ascii('my:pkg/api'), 0x05, 0x00, 0x00]),
      ]);
    const expected = {
      functions: [
        {
          interface: 'my:pkg/api',
          name: 'f',
          func: { params: [], result: { kind: 'u32' }, async: false },
        },
      ],
      unsupported: [],
    };
    expect(decodeComponentExports(component([0x01, ...ascii('my:pkg/api')]))).toEqual(expected);
    expect(
      decodeComponentExports(component([0x01, ...ascii('my:pkg/api'), ...ascii('1.2.3-rc.1')])),
    ).toEqual(expected);
    expect(() => decodeComponentExports(component([0x02, ...ascii('my:pkg/api')]))).toThrow(
      /Unknown name form 0x2/,
    );
  });

  it('says what is wrong with bytes that are not a component', async () => {
    const core = await parse('(module)');
    expect(() => decodeComponentExports(core)).toThrow(/core WebAssembly module, not a component/);
    expect(() => decodeComponentExports(new TextEncoder().encode('hello'))).toThrow(DecodeError);
    const whole = await parse(COMPONENT);
    expect(() => decodeComponentExports(whole.slice(0, whole.length - 3))).toThrow(
      /runs past the end|Unexpected end/,
    );
  });
});
