import { describe, expect, it } from 'vitest';
import type { ConfigDeclaration } from '../bundle';
import { effectiveConfig, keyNamedIn } from './configDeclarations';

const greeting: ConfigDeclaration = {
  key: 'greeting',
  default: 'Hello',
  required: false,
  secret: false,
  source: 'skill.config.toml',
};

describe('the configuration a run gets', () => {
  it('gives a declared key left empty its default, and drops rows without a key', () => {
    const config = [
      { key: 'greeting', value: '', secret: false },
      { key: '', value: 'stray', secret: false },
      { key: 'style', value: 'loud', secret: false },
    ];
    expect(effectiveConfig(config, [greeting], true)).toEqual([
      { key: 'style', value: 'loud', secret: false },
      { key: 'greeting', value: 'Hello', secret: false },
    ]);
  });

  it('keeps a typed value over the default, and leaves defaults to a capsule', () => {
    const config = [{ key: 'greeting', value: 'Ahoy', secret: false }];
    expect(effectiveConfig(config, [greeting], true)).toEqual(config);
    expect(effectiveConfig([], [greeting], false)).toEqual([]);
  });
});

describe('the key a validate-config message names', () => {
  it('finds the key named as a word, the longest first', () => {
    expect(keyNamedIn('greeting must not be empty', ['greeting', 'greet'])).toBe('greeting');
    expect(keyNamedIn('max-items is too large', ['items', 'max-items'])).toBe('max-items');
  });

  it('names none when the message names no key', () => {
    expect(keyNamedIn('the configuration is wrong', ['greeting'])).toBeUndefined();
    expect(keyNamedIn('greetings are off', ['greeting'])).toBeUndefined();
  });
});
