import { describe, expect, it } from 'vitest';
import { componentKind } from './componentKind';
import type { ComponentInfo } from './protocol';

const info = (exports: Array<[string, string]>): ComponentInfo => ({
  imports: [],
  exports,
  wrapped: false,
  stubbed: [],
});

describe('componentKind', () => {
  it('knows a skill-engine skill by its four functions, beside componentize-qjs init', () => {
    const skill = ['getMetadata', 'getTools', 'executeTool', 'validateConfig', 'init'];
    expect(componentKind(info(skill.map((name) => [name, 'function'])))).toBe('skill-engine');
  });

  it('knows a command by its wasi:cli/run interface, under either name jco gives it', () => {
    expect(componentKind(info([['run', 'instance']]))).toBe('command');
    expect(componentKind(info([['wasi:cli/run@0.2.3', 'instance']]))).toBe('command');
  });

  it('calls anything else a plain component, a function named run included', () => {
    expect(componentKind(info([['run', 'function']]))).toBe('component');
    expect(
      componentKind(
        info([
          ['greet', 'function'],
          ['getTools', 'function'],
        ]),
      ),
    ).toBe('component');
  });
});
