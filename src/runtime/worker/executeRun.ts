import type { RunError, RunStage, RunTimings, WorkerCommand, WorkerEvent } from '../protocol';
import type { ComponentCache } from './componentCache';
import { explainTrap } from './explainTrap';
import { createOutputCapture, OutputLimitError } from './outputCapture';
import { buildImports } from './wasiImports';

type Emit = (event: WorkerEvent) => void;

/** `execute-tool` in WIT is `executeTool` in the JS jco generates. */
export function jsExportName(witName: string): string {
  return witName.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * One run: load (from cache, a host-provided transpile, or jco), instantiate a fresh instance
 * with its own WASI shim, make the calls in order, and report one `finished` event. It never
 * throws: every failure becomes a RunError with the stage it happened in.
 */
export async function executeRun(
  command: WorkerCommand,
  cache: ComponentCache,
  emit: Emit,
): Promise<void> {
  const { runId } = command;
  const timings: RunTimings = { transpileMs: 0, compileMs: 0, instantiateMs: 0, callMs: 0 };
  let stage: RunStage = 'compiling';
  const enter = (next: RunStage) => {
    stage = next;
    emit({ kind: 'stage', runId, stage: next });
  };
  let transpiled;
  const output = createOutputCapture(command.limits.maxOutputBytes, (stream, text) =>
    emit({ kind: 'output', runId, stream, text }),
  );
  try {
    const loaded = await cache.load(command.component, enter);
    transpiled = loaded.transpiled;
    timings.transpileMs = loaded.transpileMs;
    timings.compileMs = loaded.compileMs;
    const { component } = loaded;

    enter('instantiating');
    let started = performance.now();
    const imports = buildImports(component.imports, {
      env: command.env,
      stdout: output.stdout,
      stderr: output.stderr,
    });
    const instance = await component.instantiate((name) => {
      const module = component.modules.get(name);
      if (!module) throw new Error(`The transpiled component has no core module ${name}.`);
      return module;
    }, imports);
    timings.instantiateMs = performance.now() - started;

    enter('calling');
    started = performance.now();
    const results: unknown[] = [];
    for (const call of command.calls) {
      const fn = instance[jsExportName(call.exportName)];
      if (typeof fn !== 'function') {
        const available = component.exports.map(([name]) => name).join(', ') || 'nothing';
        const message = `The component does not export ${call.exportName} (it exports: ${available}).`;
        throw Object.assign(new Error(message), {
          code: 'InvalidComponent',
        });
      }
      results.push(await (fn as (...args: unknown[]) => unknown)(...call.args));
    }
    timings.callMs = performance.now() - started;
    emit({ kind: 'finished', runId, outcome: { ok: true, results }, timings, transpiled });
  } catch (error) {
    const runError = toRunError(error, stage, output.limitHit, output.stderrTail);
    emit({ kind: 'finished', runId, outcome: { ok: false, error: runError }, timings, transpiled });
  }
}

function toRunError(
  error: unknown,
  stage: RunStage,
  limitHit: boolean,
  stderrTail: string,
): RunError {
  if (limitHit || error instanceof OutputLimitError) {
    const message =
      error instanceof OutputLimitError ? error.message : 'The run wrote too much output.';
    return { code: 'OutputLimit', message, stage };
  }
  const err = error instanceof Error ? error : new Error(describeThrown(error));
  const explicit = (err as { code?: unknown }).code;
  const code =
    explicit === 'InvalidComponent'
      ? 'InvalidComponent'
      : stage === 'transpiling'
        ? 'TranspileFailed'
        : stage === 'compiling'
          ? 'InvalidComponent'
          : stage === 'instantiating'
            ? 'InstantiateFailed'
            : 'ExecutionFailure';
  const message =
    err instanceof WebAssembly.RuntimeError
      ? explainTrap(err.message, stderrTail)
      : err.message || err.name;
  return { code, message, stage, stack: err.stack };
}

function describeThrown(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
