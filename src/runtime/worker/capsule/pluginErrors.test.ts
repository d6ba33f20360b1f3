import { describe, expect, it } from 'vitest';
import { OutputLimitError } from '../outputBudget';
import { HostRefusal } from './astridHost';
import { pluginRunError, type FailureContext } from './pluginErrors';

const context: FailureContext = {
  stage: 'calling',
  stderrTail: '',
  memoryExhausted: false,
  maxMemoryBytes: 64 * 1024 * 1024,
};

describe('a plugin run that fails', () => {
  it('keeps the code and sentence of a host function that refused', () => {
    expect(pluginRunError(new HostRefusal('PermissionDenied', 'no'), context)).toEqual({
      code: 'PermissionDenied',
      message: 'no',
      stage: 'calling',
    });
  });

  it('says what the plugin said when it set an error', () => {
    expect(
      pluginRunError(new Error('Plugin-originated error: no such tool'), context),
    ).toMatchObject({
      code: 'ExecutionFailure',
      message: "The plugin's call failed: no such tool",
    });
  });

  it('tells a trap at the memory limit from other traps', () => {
    const trap = new WebAssembly.RuntimeError('unreachable');
    expect(pluginRunError(trap, { ...context, memoryExhausted: true })).toMatchObject({
      code: 'MemoryLimit',
      message:
        'The plugin used up its 64 MiB memory limit and failed (The plugin trapped (unreachable).).',
    });
    expect(pluginRunError(trap, context)).toMatchObject({
      code: 'ExecutionFailure',
      message: 'The plugin trapped (unreachable).',
    });
  });

  it('names an output overrun even when the plugin swallowed the error', () => {
    expect(
      pluginRunError(new Error('other'), { ...context, limitMessage: 'Too much output.' }),
    ).toMatchObject({ code: 'OutputLimit', message: 'Too much output.' });
    expect(pluginRunError(new OutputLimitError('Over.'), context).code).toBe('OutputLimit');
  });

  it('says the plugin could not be instantiated when that is where it stopped', () => {
    expect(
      pluginRunError(new Error('cannot resolve import'), { ...context, stage: 'instantiating' }),
    ).toMatchObject({
      code: 'InstantiateFailed',
      message: 'The plugin could not be instantiated: cannot resolve import',
    });
  });
});
