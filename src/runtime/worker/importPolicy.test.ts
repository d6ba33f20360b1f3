import { describe, expect, it } from 'vitest';
import { classifyImports, refusalMessage } from './importPolicy';

describe('classifyImports', () => {
  it('provides WASI of any 0.2 version and the skill-basic host functions', () => {
    expect(
      classifyImports([
        'wasi:cli/environment',
        'wasi:io/streams@0.2.1',
        'wasi:clocks/wall-clock@0.2.12',
        'get-config',
      ]),
    ).toEqual({ stubbed: [], refused: [] });
  });

  it('refuses imports jco would bind to browser globals, and stubs the rest', () => {
    expect(
      classifyImports([
        'webidl:dom/window',
        'local:test/logger',
        'wasi:keyvalue/store@0.2.0-draft',
      ]),
    ).toEqual({
      refused: ['webidl:dom/window'],
      stubbed: ['local:test/logger', 'wasi:keyvalue/store@0.2.0-draft'],
    });
  });

  it('names what it refuses', () => {
    expect(refusalMessage(['webidl:dom/window'])).toContain('imports webidl:dom/window');
  });
});
