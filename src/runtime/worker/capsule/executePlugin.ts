// One run of an astrid capsule's plugin, with @extism/extism on this worker's own thread
// (`runInWorker: false`: no SharedArrayBuffer, no cross-origin isolation), so the host's watchdog
// stops a runaway call by terminating the worker, as it stops any run. The plugin gets WASI, its
// memory capped at the run's limit, and astrid's host functions served from the run: its
// configuration, its key-value store, its /workspace within the grants, HTTP through the grants.
// Like executeRun it never throws: every failure becomes a RunError in one `finished` event.
import createPlugin, { type Plugin } from '@extism/extism';
import { filesFromTree, treeFromFiles, type FileMap } from '../../../vfs';
import type { ComponentInfo, RunCommand, WorkerEvent } from '../../protocol';
import { NetworkLog } from '../httpLimits';
import { PAGE_BYTES } from '../memoryLimit';
import { OutputBudget } from '../outputBudget';
import { createOutputCapture } from '../outputCapture';
import { RunStages } from '../runStages';
import { fileContents, writtenBytes } from '../workspaceWrites';
import { astridFunctions, shimFunctions, type AstridRun, type RunHolder } from './astridHost';
import { capsuleHttp } from './capsuleHttp';
import { ASTRID_NAMESPACE, SHIM_NAMESPACE } from './hostFunctionList';
import { PluginCache, type LoadedPlugin } from './pluginCache';
import { pluginRunError } from './pluginErrors';
import { withWasiOutput } from './wasiOutput';

type Emit = (event: WorkerEvent) => void;
type Finished = Extract<WorkerEvent, { kind: 'finished' }>;

const plugins = new PluginCache();

/** A plugin kept for the next run of an instance that keeps warm: astrid keeps one per capsule. */
interface LivePlugin {
  key: string;
  plugin: Plugin;
  holder: RunHolder;
  memory?: WebAssembly.Memory;
}
let warm: LivePlugin | undefined;

const encoder = new TextEncoder();

/** A memory this close to its limit when the call fails means it failed to grow. */
const MEMORY_NEARLY_FULL = 0.9;

export async function executePlugin(command: RunCommand, emit: Emit): Promise<void> {
  const { runId, limits } = command;
  const setup = command.plugin ?? { config: [], kv: [] };
  const maxPages = Math.floor(limits.maxMemoryBytes / PAGE_BYTES);
  const stages = new RunStages(runId, emit);
  const { timings, enter } = stages;
  const budget = new OutputBudget(limits.maxOutputBytes);
  const output = createOutputCapture(budget, limits.maxLineBytes, (stream, text) =>
    emit({ kind: 'output', runId, stream, text }),
  );
  const network = new NetworkLog();
  let hostMemoryFull = false;
  const run: AstridRun = {
    config: new Map(setup.config),
    kv: new Map(setup.kv),
    ...(command.filesystem ? { workspace: treeFromFiles(command.filesystem.workspace) } : {}),
    grants: command.grants,
    refused: [],
    log(level, message) {
      // Extism says so (through the logger) when the plugin asks for more host memory than allowed.
      if (/^memory limit exceeded/.test(message)) hostMemoryFull = true;
      output.stderr.write(encoder.encode(`[${level}] ${message}\n`));
    },
    http: capsuleHttp({
      hosts: command.grants.hosts,
      network,
      onDenied: (detail) =>
        run.refused.push({ function: 'astrid_http_request', reason: 'denied', detail }),
    }),
  };
  const workspaceBefore = run.workspace ? fileContents(run.workspace) : undefined;
  let info: ComponentInfo | undefined;
  let memory: WebAssembly.Memory | undefined;

  const finish = (outcome: Finished['outcome']) => {
    const kept = keptState(run, setup.kv, workspaceBefore, budget);
    if (kept.problem) {
      warm = undefined;
      outcome = outcome.ok
        ? {
            ok: false,
            error: { code: 'OutputLimit', message: kept.problem, stage: stages.current },
          }
        : {
            ok: false,
            error: { ...outcome.error, message: `${outcome.error.message} ${kept.problem}` },
          };
    }
    emit({
      kind: 'finished',
      runId,
      outcome,
      timings,
      ...(info ? { info } : {}),
      ...(kept.workspace ? { workspace: kept.workspace } : {}),
      ...(kept.kv ? { kv: kept.kv } : {}),
      ...(run.refused.length > 0 ? { refused: run.refused } : {}),
      ...(network.isEmpty
        ? {}
        : { network: { requests: network.requests, denied: network.denied } }),
      ...(memory ? { memoryBytes: memory.buffer.byteLength } : {}),
    });
  };

  try {
    enter('compiling');
    let started = performance.now();
    const loaded = await plugins.load(command.component, maxPages);
    timings.compileMs = performance.now() - started;
    info = loaded.info;
    // A load without calls only learns what the plugin is: nothing of it runs.
    if (command.calls.length === 0) return finish({ ok: true, results: [] });

    enter('instantiating');
    started = performance.now();
    const live = await withWasiOutput(output, () => livePlugin(command, loaded, run, maxPages));
    memory = live.memory;
    timings.instantiateMs = performance.now() - started;

    enter('calling');
    started = performance.now();
    const results: Array<Uint8Array | null> = [];
    for (const call of command.calls) {
      const input = call.args[0];
      const out = await withWasiOutput(output, () =>
        live.plugin.call(
          call.exportName,
          typeof input === 'string' || input instanceof Uint8Array ? input : undefined,
        ),
      );
      const bytes = out ? new Uint8Array(out.bytes()) : null;
      // Counted before anything is posted: an oversized output never leaves the worker.
      budget.spend(`the output of ${call.exportName}`, { bytes: bytes?.byteLength ?? 0 });
      results.push(bytes);
    }
    timings.callMs = performance.now() - started;
    finish({ ok: true, results });
  } catch (error) {
    // A plugin that failed may be in any state: the next run makes a fresh one.
    warm = undefined;
    const exhausted =
      hostMemoryFull ||
      (memory !== undefined &&
        memory.buffer.byteLength >= limits.maxMemoryBytes * MEMORY_NEARLY_FULL);
    finish({
      ok: false,
      error: pluginRunError(error, {
        stage: stages.current,
        limitMessage: budget.limitMessage,
        stderrTail: output.stderrTail,
        memoryExhausted: exhausted,
        maxMemoryBytes: limits.maxMemoryBytes,
      }),
    });
  }
}

/** The warm plugin when the instance keeps one and nothing it was made with changed; else a new one. */
async function livePlugin(
  command: RunCommand,
  loaded: LoadedPlugin,
  run: AstridRun,
  maxPages: number,
): Promise<LivePlugin> {
  const key = JSON.stringify([command.component.id, maxPages, command.warmRevision]);
  if (command.keepWarm && warm?.key === key) {
    warm.holder.current = run;
    return warm;
  }
  warm = undefined;
  const holder: RunHolder = { current: run };
  const logTo = (level: string) => (text: unknown) => holder.current.log(level, String(text));
  const plugin = await createPlugin(
    { wasm: [{ module: loaded.module, name: 'main' }] },
    {
      useWasi: true,
      enableWasiOutput: true,
      runInWorker: false,
      config: {},
      memory: { maxPages },
      logLevel: 'trace',
      logger: {
        trace: logTo('trace'),
        debug: logTo('debug'),
        info: logTo('info'),
        warn: logTo('warn'),
        error: logTo('error'),
        log: logTo('info'),
      } as unknown as Console,
      functions: {
        [ASTRID_NAMESPACE]: astridFunctions(holder, {
          // Served asynchronously only to plugins that import it: an async host function makes
          // Extism call every export through JSPI.
          asyncHttp: loaded.usesHttp && 'Suspending' in WebAssembly,
        }),
        [SHIM_NAMESPACE]: shimFunctions(holder),
      },
    },
  );
  const instance = await plugin.getInstance();
  const memory = Object.values(instance.exports).find(
    (value): value is WebAssembly.Memory => value instanceof WebAssembly.Memory,
  );
  const live: LivePlugin = { key, plugin, holder, ...(memory ? { memory } : {}) };
  if (command.keepWarm) warm = live;
  return live;
}

/**
 * What the run leaves to keep: /workspace and the key-value store, each counted against the
 * output limit for what the run wrote. Over the limit, neither is kept and `problem` says why.
 */
function keptState(
  run: AstridRun,
  kvBefore: Array<[string, Uint8Array]>,
  workspaceBefore: ReturnType<typeof fileContents> | undefined,
  budget: OutputBudget,
): { workspace?: FileMap; kv?: Array<[string, Uint8Array]>; problem?: string } {
  const before = new Map(kvBefore);
  let kvWritten = 0;
  for (const [key, value] of run.kv) {
    const old = before.get(key);
    if (!old || old.byteLength !== value.byteLength || old.some((b, i) => b !== value[i])) {
      kvWritten += encoder.encode(key).byteLength + value.byteLength;
    }
  }
  try {
    if (kvWritten > 0)
      budget.spend('what the run wrote to its key-value store', { bytes: kvWritten });
    if (!run.workspace) return kvWritten > 0 ? { kv: [...run.kv] } : {};
    const written = workspaceBefore ? writtenBytes(workspaceBefore, run.workspace) : 0;
    if (written > 0) budget.spend('what the run wrote to /workspace', { bytes: written });
    return {
      workspace: filesFromTree(run.workspace),
      ...(kvWritten > 0 ? { kv: [...run.kv] } : {}),
    };
  } catch (error) {
    return {
      problem: `${error instanceof Error ? error.message : error} Its files and store were not kept.`,
    };
  }
}
