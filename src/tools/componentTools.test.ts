import { describe, expect, it } from 'vitest';
import type { WitFunction } from '../wit';
import { componentTools } from './componentTools';

const fn = (...names: string[]): WitFunction => ({
  params: names.map((name) => ({ name, type: { kind: 'string' } })),
  async: false,
});

describe('componentTools', () => {
  it('makes a tool per function, named by its export and grouped by its interface', () => {
    const { tools, unsupported } = componentTools({
      functions: [
        { name: 'greet', func: fn('name') },
        { interface: 'my:pkg/geo@1.0.0', name: 'area', func: fn('shape') },
      ],
      unsupported: [{ name: 'resource blob', reason: 'resources are not supported yet' }],
    });
    expect(tools.map((t) => [t.name, t.label, t.group, t.call.kind])).toEqual([
      ['greet', undefined, undefined, 'wit'],
      ['my:pkg/geo@1.0.0#area', 'area', 'my:pkg/geo@1.0.0', 'wit'],
    ]);
    expect(unsupported).toHaveLength(1);
  });

  it("leaves out componentize-qjs's own init, and only that init", () => {
    const { tools } = componentTools({
      functions: [
        { name: 'init', func: fn('shim', 'script', 'entry-path', 'disable-gc') },
        {
          name: 'init',
          interface: 'my:pkg/setup',
          func: fn('shim', 'script', 'entry-path', 'disable-gc'),
        },
        { name: 'init', func: fn('seed') },
      ],
      unsupported: [],
    });
    expect(tools.map((t) => t.name)).toEqual(['my:pkg/setup#init', 'init']);
  });
});
