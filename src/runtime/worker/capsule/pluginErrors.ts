// How a plugin run's failure reads: each cause gets its own code and a sentence a capsule author
// can act on, whatever threw it (a host function, Extism, the engine, or the plugin itself).
import { errorMessage } from '../../../errors';
import type { ErrorCode, RunError, RunStage } from '../../protocol';
import { explainTrap } from '../explainTrap';
import { InvalidComponentError } from '../invalidComponentError';
import { MemoryLimitError } from '../memoryLimit';
import { OutputLimitError } from '../outputBudget';
import { HostRefusal } from './astridHost';

export interface FailureContext {
  stage: RunStage;
  /** The sentence of an output overrun, even when the plugin swallowed what it was thrown. */
  limitMessage?: string;
  stderrTail: string;
  /** The plugin's memory was at its limit, or Extism refused it more host memory. */
  memoryExhausted: boolean;
  maxMemoryBytes: number;
}

/** Extism's prefix for an error the plugin set with error_set. */
const PLUGIN_ERROR = /^Plugin-originated error: /;

export function memoryMessage(limit: number, detail: string): string {
  return `The plugin used up its ${limit / 1024 / 1024} MiB memory limit and failed (${detail}).`;
}

export function pluginRunError(error: unknown, context: FailureContext): RunError {
  const { stage } = context;
  if (context.limitMessage !== undefined || error instanceof OutputLimitError) {
    const message = error instanceof OutputLimitError ? error.message : context.limitMessage!;
    return { code: 'OutputLimit', message, stage };
  }
  if (
    error instanceof HostRefusal ||
    error instanceof MemoryLimitError ||
    error instanceof InvalidComponentError
  ) {
    return { code: error.code, message: error.message, stage };
  }
  const err = error instanceof Error ? error : new Error(errorMessage(error));
  let message = err.message || err.name;
  if (err instanceof WebAssembly.RuntimeError) {
    message = explainTrap(message, context.stderrTail).replace(/^The component/, 'The plugin');
  } else if (PLUGIN_ERROR.test(message)) {
    message = `The plugin's call failed: ${message.replace(PLUGIN_ERROR, '')}`;
  }
  const outOfMemory = err instanceof RangeError && /allocation failed|memory/i.test(err.message);
  if (stage === 'calling' && (context.memoryExhausted || outOfMemory)) {
    return { code: 'MemoryLimit', message: memoryMessage(context.maxMemoryBytes, message), stage };
  }
  const code: ErrorCode =
    stage === 'compiling'
      ? 'InvalidComponent'
      : stage === 'instantiating'
        ? 'InstantiateFailed'
        : 'ExecutionFailure';
  if (code === 'InstantiateFailed') message = `The plugin could not be instantiated: ${message}`;
  return { code, message, stage, ...(err.stack ? { stack: err.stack } : {}) };
}
