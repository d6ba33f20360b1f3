import { describe, expect, it } from 'vitest';
import { instanceListFormat, instanceNameProblem } from './instanceList';
import { readRecord } from './readRecord';

describe('the list of a skill’s instances', () => {
  it('reads a list that starts with default and has its chosen instance', () => {
    const list = { version: 1, names: ['default', 'formal'], active: 'formal' };
    expect(readRecord(list, instanceListFormat)).toEqual({
      ok: true,
      value: list,
      migrated: false,
    });
  });

  it.each([
    ['without default first', { version: 1, names: ['formal', 'default'], active: 'formal' }],
    ['with a name twice', { version: 1, names: ['default', 'a', 'a'], active: 'a' }],
    ['choosing one it lacks', { version: 1, names: ['default'], active: 'gone' }],
  ])('refuses a list %s', (_, list) => {
    expect(readRecord(list, instanceListFormat).ok).toBe(false);
  });
});

describe('instance names', () => {
  it('takes letters, digits, spaces and . _ -', () => {
    expect(instanceNameProblem('Staging 2_eu-west.1', ['default'])).toBeUndefined();
    expect(instanceNameProblem('prüfung', ['default'])).toBeUndefined();
  });

  it.each([
    ['', 'Give the instance a name.'],
    [' padded', 'A name does not start or end with a space.'],
    ['a:b', 'A name has letters, digits, spaces, ".", "_" and "-" only.'],
    ['x'.repeat(41), 'A name has at most 40 characters.'],
    ['default', 'There is an instance named default already.'],
  ])('refuses %j', (name, problem) => {
    expect(instanceNameProblem(name, ['default'])).toBe(problem);
  });
});
