import type {
  ComponentInfo,
  ErrorCode,
  RunError,
  TranspiledComponent,
  RunStage,
  RunCommand,
  WorkerEvent,
} from '../protocol';
import { errorMessage } from '../../errors';
import type { ComponentCache } from './componentCache';
import { RunStages } from './runStages';
import { explainTrap } from './explainTrap';
import { filesFromTree, treeFromFiles, type FileMap, type FileTree } from '../../vfs';
import { findExport } from './findExport';
import { ImportRefusedError } from './importPolicy';
import { InvalidComponentError } from './invalidComponentError';
import { MemoryLimitError } from './memoryLimit';
import { OutputBudget, OutputLimitError } from './outputBudget';
import { createOutputCapture } from './outputCapture';
import { NetworkLog } from './outgoingHttp';
import { valueBytes } from './valueSize';
import { buildImports, ioFor, type IoSwitch } from './wasiImports';
import { fileContents, writtenBytes } from './workspaceWrites';

type Emit = (event: WorkerEvent) => void;

/** preview2-shim's wasi:cli/exit throws this; its code is the process exit status. */
interface ComponentExit {
  exitError: true;
  code: number;
}

const isExit = (error: unknown): error is ComponentExit =>
  typeof error === 'object' && error !== null && (error as ComponentExit).exitError === true;

/**
 * One run: load (from cache, a host-provided transpile, or jco), instantiate a fresh instance
 * with its own WASI shim, make the calls in order, and report one `finished` event. It never
 * throws: every failure becomes a RunError with the stage it happened in.
 */
interface LiveInstance {
  instance: Record<string, unknown>;
  io: IoSwitch;
  mounts: ReturnType<typeof mountsFor>;
  memories: WebAssembly.Memory[];
}

/**
 * The instance kept between runs for an instance that opted into "keep warm". Anything that was
 * fixed when it was made (component, memory limit, env, config, the workspace it started with)
 * is in its key; when that changes it is replaced.
 */
const warm = new Map<string, LiveInstance>();

function warmKeyOf(command: RunCommand): string {
  return JSON.stringify([
    command.component.id,
    command.limits.maxMemoryBytes,
    command.env,
    command.config,
    command.filesystem?.skill.id,
    command.grants,
    command.warmRevision,
  ]);
}

/** The bundle trees a worker has been sent, by id: read-only, so runs can share them. */
const skillTrees = new Map<string, FileTree>();

function mountsFor(command: RunCommand): { skill: FileTree; workspace: FileTree } | undefined {
  const fs = command.filesystem;
  if (!fs) return undefined;
  let skill = skillTrees.get(fs.skill.id);
  if (!skill) {
    if (!fs.skill.files) throw new Error('The skill files were neither sent nor kept.');
    skill = treeFromFiles(fs.skill.files);
    skillTrees.set(fs.skill.id, skill);
  }
  return { skill, workspace: treeFromFiles(fs.workspace) };
}

export async function executeRun(
  command: RunCommand,
  cache: ComponentCache,
  emit: Emit,
): Promise<void> {
  const { runId } = command;
  const stages = new RunStages(runId, emit);
  const { timings, enter } = stages;
  let transpiled: TranspiledComponent | undefined;
  let info: ComponentInfo | undefined;
  const { limits } = command;
  // Everything that reaches the page from this run counts against its one output limit.
  const budget = new OutputBudget(limits.maxOutputBytes);
  const output = createOutputCapture(budget, limits.maxLineBytes, (stream, text) =>
    emit({ kind: 'output', runId, stream, text }),
  );
  const network = new NetworkLog();
  // The instance's memories, to tell a guest that ran out of its memory limit from other failures.
  const memories: WebAssembly.Memory[] = [];
  const memoryExhausted = () =>
    memories.some(
      (memory) => memory.buffer.byteLength >= limits.maxMemoryBytes * MEMORY_NEARLY_FULL,
    );
  /** When the calls began: a call that fails (a limit, a trap) took its time too. */
  let callsStarted: number | undefined;
  let mounts: ReturnType<typeof mountsFor>;
  // /workspace's files as the run found them, to count only what it writes.
  let workspaceBefore: ReturnType<typeof fileContents> | undefined;
  const finish = (outcome: Extract<WorkerEvent, { kind: 'finished' }>['outcome']) => {
    let workspace: FileMap | undefined;
    if (mounts) {
      const written = workspaceBefore ? writtenBytes(workspaceBefore, mounts.workspace) : 0;
      try {
        if (written > 0) budget.spend('what the run wrote to /workspace', { bytes: written });
        workspace = filesFromTree(mounts.workspace);
      } catch (error) {
        // The files stay in the worker: the page keeps /workspace as it was before the run.
        warm.clear();
        const message = `${errorMessage(error)} Its files were not kept.`;
        outcome = outcome.ok
          ? { ok: false, error: { code: 'OutputLimit', message, stage: stages.current } }
          : {
              ok: false,
              error: { ...outcome.error, message: `${outcome.error.message} ${message}` },
            };
      }
    }
    emit({
      kind: 'finished',
      runId,
      outcome,
      timings,
      transpiled,
      info,
      ...(workspace ? { workspace } : {}),
      ...(network.isEmpty
        ? {}
        : { network: { requests: network.requests, denied: [...network.denied] } }),
      ...(memories.length > 0
        ? { memoryBytes: memories.reduce((sum, m) => sum + m.buffer.byteLength, 0) }
        : {}),
    });
  };
  try {
    const loaded = await cache.load(command.component, limits.maxMemoryBytes, enter);
    transpiled = loaded.transpiled;
    timings.wrapMs = loaded.wrapMs;
    timings.transpileMs = loaded.transpileMs;
    timings.compileMs = loaded.compileMs;
    const { component } = loaded;
    info = component.info;
    // A load without calls only learns what the component is: nothing of it runs.
    if (command.calls.length === 0) return finish({ ok: true, results: [] });

    enter('instantiating');
    const started = performance.now();
    const target = ioFor(command.stdin ?? new Uint8Array(), output.stdout, output.stderr, network);
    const warmKey = command.keepWarm ? warmKeyOf(command) : undefined;
    let live = warmKey ? warm.get(warmKey) : undefined;
    if (live) {
      // A warm instance keeps its memory and files; only its stdio moves to this run.
      live.io.target = target;
    } else {
      warm.clear();
      const io: IoSwitch = { target };
      const runMounts = mountsFor(command);
      const runMemories: WebAssembly.Memory[] = [];
      const imports = buildImports(info.imports, {
        mounts: runMounts,
        grants: command.grants,
        env: command.env,
        config: command.config,
        io,
      });
      const instance = await component.instantiate(
        (name) => {
          const module = component.modules.get(name);
          if (!module) throw new Error(`The transpiled component has no core module ${name}.`);
          return module;
        },
        imports,
        async (module, coreImports) => {
          const core = await WebAssembly.instantiate(module, coreImports);
          for (const value of Object.values(core.exports)) {
            if (value instanceof WebAssembly.Memory) runMemories.push(value);
          }
          return core;
        },
      );
      live = { instance, io, mounts: runMounts, memories: runMemories };
      if (warmKey) warm.set(warmKey, live);
    }
    mounts = live.mounts;
    if (mounts) workspaceBefore = fileContents(mounts.workspace);
    memories.push(...live.memories);
    const { instance } = live;
    timings.instantiateMs = performance.now() - started;

    enter('calling');
    callsStarted = performance.now();
    const results: unknown[] = [];
    let exitCode: number | undefined;
    for (const call of command.calls) {
      const fn = findExport(instance, call.exportName);
      if (!fn) {
        const available = info.exports.map(([name]) => name).join(', ') || 'nothing';
        throw new InvalidComponentError(
          `The component does not export ${call.exportName} (it exports: ${available}).`,
        );
      }
      try {
        const value = await fn(...call.args);
        results.push(call.returnsResult ? { tag: 'ok', val: value } : value);
        if (call.exportName.startsWith('wasi:cli/run')) exitCode = 0;
      } catch (error) {
        // A command that calls exit() ends here, with its status; so does run() returning err.
        if (isExit(error)) {
          exitCode = error.code;
          results.push(undefined);
        } else if (call.exportName.startsWith('wasi:cli/run') && isComponentError(error)) {
          exitCode = 1;
          results.push(undefined);
        } else if (call.returnsResult && isComponentError(error)) {
          results.push({ tag: 'err', val: (error as { payload?: unknown }).payload });
        } else throw error;
      }
      // Counted before anything is posted: an oversized value never leaves the worker.
      budget.spend(
        `the return value of ${call.exportName}`,
        valueBytes(results.at(-1), budget.remaining),
      );
    }
    timings.callMs = performance.now() - callsStarted;
    if (exitCode !== undefined && exitCode !== 0 && memoryExhausted()) {
      throw new MemoryLimitError(
        memoryMessage(limits.maxMemoryBytes, `it exited with status ${exitCode}`),
      );
    }
    finish({ ok: true, results, ...(exitCode === undefined ? {} : { exitCode }) });
  } catch (error) {
    if (callsStarted !== undefined) timings.callMs = performance.now() - callsStarted;
    // A warm instance that failed may be in any state: the next run starts afresh.
    warm.clear();
    let runError = toRunError(error, stages.current, budget.limitMessage, output.stderrTail);
    if (runError.code === 'ExecutionFailure' && memoryExhausted()) {
      runError = {
        ...runError,
        code: 'MemoryLimit',
        message: memoryMessage(limits.maxMemoryBytes, runError.message),
      };
    }
    if (runError.code === 'ExecutionFailure' && network.denied.length > 0) {
      runError = {
        ...runError,
        code: 'PermissionDenied',
        message: deniedMessage(network, runError),
      };
    }
    finish({ ok: false, error: runError });
  }
}

/** A run that failed after a request was refused: the refusal is the likely cause, so say it. */
function deniedMessage(network: NetworkLog, error: RunError): string {
  const hosts = network.denied.join(', ');
  return `The component was refused network access to ${hosts}, which the instance's allowed hosts do not include, and then failed (${error.message}).`;
}

/** A memory this close to the limit when the guest fails means it failed to grow. */
const MEMORY_NEARLY_FULL = 0.9;

function memoryMessage(limit: number, detail: string): string {
  return `The component used up its ${limit / 1024 / 1024} MiB memory limit and failed (${detail}).`;
}

/**
 * jco throws a ComponentError for a function's `err` result. Its class does not set `name`, so it
 * is known by its constructor and the `payload` it carries.
 */
function isComponentError(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'ComponentError' || error.constructor.name === 'ComponentError') &&
    Object.prototype.hasOwnProperty.call(error, 'payload')
  );
}

function toRunError(
  error: unknown,
  stage: RunStage,
  /** The sentence of an output overrun, even when the guest caught the error it was thrown. */
  limitMessage: string | undefined,
  stderrTail: string,
): RunError {
  if (limitMessage !== undefined || error instanceof OutputLimitError) {
    const message = error instanceof OutputLimitError ? error.message : limitMessage!;
    return { code: 'OutputLimit', message, stage };
  }
  if (
    error instanceof MemoryLimitError ||
    error instanceof ImportRefusedError ||
    error instanceof InvalidComponentError
  ) {
    return { code: error.code, message: error.message, stage };
  }
  // Anything else (jco, the engine, the guest) is named by the stage it stopped.
  const err = error instanceof Error ? error : new Error(errorMessage(error));
  const code: ErrorCode =
    stage === 'transpiling' || stage === 'wrapping'
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

// Loaded with executeRun by the worker entry, in one chunk.
export { ComponentCache } from './componentCache';
