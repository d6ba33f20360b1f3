import { componentWit } from '@bytecodealliance/jco-transpile/wasm-tools';
import { describe, expect, it } from 'vitest';
import { builtComponents, componentFixture } from '../test/componentFixtures';
import { decodeComponentExports, wasiP3Command } from './decodeComponent';
import { witSignature, type ComponentExports } from './types';

// Components from every toolchain here, decoded and held against jco's own WIT printer: the
// decoder finds every interface and top-level function the printer lists as exported.

const components = builtComponents();

/** What jco's WIT printer says the component exports: interfaces and top-level functions. */
function exportedInWit(wit: string): { interfaces: string[]; functions: string[] } {
  const interfaces: string[] = [];
  const functions: string[] = [];
  for (const line of wit.split('\n')) {
    const match =
      /^ {2}export ([^\s:;]+(?::[^\s;/]+\/[^\s;]+)?)(: (func|async func|interface)|;)/.exec(line);
    if (!match) continue;
    if (match[3] === 'func' || match[3] === 'async func') functions.push(match[1]!);
    else interfaces.push(match[1]!);
  }
  return { interfaces: interfaces.sort(), functions: functions.sort() };
}

function exportedByDecoder(exports: ComponentExports) {
  const all = [...exports.functions, ...exports.unsupported];
  const interfaces = new Set(all.flatMap((e) => (e.interface ? [e.interface] : [])));
  const functions = all.filter((e) => !e.interface).map((e) => e.name);
  return { interfaces: [...interfaces].sort(), functions: functions.sort() };
}

const signatures = (exports: ComponentExports) =>
  exports.functions.map((f) => `${f.interface ?? ''} ${witSignature(f.name, f.func)}`);

describe('decoding components from every toolchain', () => {
  it('has the fixtures of each toolchain', () => {
    const names = [...components.keys()];
    for (const expected of [
      'e2e/.built/components/wat-forms.wasm',
      'e2e/.built/components/wit-every-type.wasm',
      'e2e/.built/components/wit-every-type-2023-names.wasm',
      'e2e/.built/components/wit-p3-command.wasm',
      'e2e/.built/components/c-preview1-command.wasm',
      'e2e/.built/net-skill/skill.wasm', // C through wit-component
      'public/examples/wit-shapes/skill.wasm', // componentize-qjs
    ]) {
      expect(names).toContain(expected);
    }
  });

  it.each([...components.keys()])(
    '%s: every export jco prints is decoded',
    async (name) => {
      const bytes = components.get(name)!;
      const decoded = exportedByDecoder(decodeComponentExports(bytes));
      expect(decoded).toEqual(exportedInWit(await componentWit(bytes)));
    },
    30_000,
  );

  it('reads every WIT type of a wit-component build, listing resources apart', () => {
    const exports = decodeComponentExports(componentFixture('wit-every-type.wasm'));
    const api = 'fixtures:every-type/api@0.2.1';
    expect(signatures(exports)).toEqual([
      ' hello: func(name: string, times: u8) -> list<string>',
      `${api} area: func(s: shape) -> f64`,
      `${api} mix: func(c: color, p: perms, l: list<tuple<u8, s16, char>>, o: option<option<string>>) -> result<list<point>, string>`,
      `${api} ints: func(a: s8, b: u16, c: s32, d: u64, e: f32, f: bool) -> tuple<id, u8>`,
      `${api} check: func(b: list<u8>) -> result<_, string>`,
      `${api} nothing: func()`,
      `${api} unit: func() -> result`,
      'inline ping: func() -> bool',
    ]);
    expect(exports.unsupported).toEqual([
      {
        interface: 'fixtures:every-type/types@0.2.1',
        name: 'resource counter',
        reason: 'resources are not supported yet (constructor, add, total)',
      },
      {
        interface: api,
        name: 'take',
        reason: 'uses resource counter: resources are not supported yet',
      },
      {
        interface: api,
        name: 'peek',
        reason: 'uses resource counter: resources are not supported yet',
      },
    ]);
  });

  it('reads the 2023 encoding of interface names (0x01, as older cargo-component wrote) as today’s', () => {
    for (const name of ['wit-every-type', 'c-preview1-command']) {
      const old = decodeComponentExports(componentFixture(`${name}-2023-names.wasm`));
      expect(old).toEqual(decodeComponentExports(componentFixture(`${name}.wasm`)));
    }
  });

  it('lists every export of a WASI 0.3 command and says it is one', () => {
    const command = decodeComponentExports(componentFixture('wit-p3-command.wasm'));
    expect(wasiP3Command(command)).toBe('wasi:cli/run@0.3.0');
    const jobs = 'fixtures:p3-jobs/jobs@0.1.0';
    expect(signatures(command)).toEqual([`${jobs} now: func() -> u64`]);
    expect(command.unsupported).toEqual([
      { interface: jobs, name: 'start', reason: 'async (p3) functions are not supported yet' },
      { interface: jobs, name: 'feed', reason: 'uses stream (p3 async): not supported yet' },
      {
        interface: 'wasi:cli/run@0.3.0',
        name: 'run',
        reason: 'async (p3) functions are not supported yet',
      },
    ]);
    expect(wasiP3Command(decodeComponentExports(componentFixture('wit-p3-library.wasm')))).toBe(
      undefined,
    );
    expect(wasiP3Command(decodeComponentExports(componentFixture('c-preview1-command.wasm')))).toBe(
      undefined,
    );
  });
});
