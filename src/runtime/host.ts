import type {
  ComponentId,
  ComponentPayload,
  RunError,
  WorkerCommand,
  WorkerEvent,
} from './protocol';
import { buildRunCommand, outcomeOf } from './runCommand';
import {
  DEFAULT_MAX_LINE_BYTES,
  DEFAULT_MAX_MEMORY_BYTES,
  type ComponentSource,
  type LoadSource,
  type RunOutcome,
  type RunRequest,
  type RuntimeHostOptions,
  type WorkerLike,
  LOAD_TIMEOUT_MS,
  PING_TIMEOUT_MS,
  SILENCE_MS,
  formatMs,
} from './runRequest';
import { limitsProblem } from './runLimits';
import { MemoryTranspileCache, type TranspileCache } from './transpileCache';

export {
  DEFAULT_GRANTS,
  DEFAULT_MAX_LINE_BYTES,
  DEFAULT_MAX_MEMORY_BYTES,
  DEFAULT_MAX_OUTPUT_BYTES,
  DEFAULT_TIMEOUT_MS,
  type ComponentSource,
  type LoadSource,
  type RunOutcome,
  type RunRequest,
  type RuntimeHostOptions,
  type WorkerLike,
  LOAD_TIMEOUT_MS,
  PING_TIMEOUT_MS,
  SILENCE_MS,
} from './runRequest';

interface ActiveRun {
  runId: number;
  loadedFrom: LoadSource;
  request: RunRequest;
  settle: (outcome: RunOutcome) => void;
  timer: ReturnType<typeof setTimeout>;
  callPhase: boolean;
  /** When the run's own limit started (performance.now()), once loading is done. */
  limitStartedAt?: number;
  /** The check for a silent worker: pending until the run hears from it. */
  watch?: ReturnType<typeof setTimeout>;
  ping?: number;
}

/**
 * Owns the worker of one skill. Runs go one at a time; a watchdog and Cancel terminate the
 * worker (the only way to stop wasm), settle the run, and start a fresh worker at once so the
 * next run does not wait for one. Events of runs that are no longer current are ignored.
 */
export class RuntimeHost {
  #createWorker: () => WorkerLike;
  #cache: TranspileCache;
  #worker: WorkerLike | null = null;
  #workerHas = new Set<ComponentId>();
  #workerHasFiles = new Set<string>();
  /** Whether the worker keeps a warm instance: retiring it would lose that instance's memory. */
  #workerIsWarm = false;
  #active: ActiveRun | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  /** Runs asked for and not yet settled, queued ones included. */
  #pending = 0;
  #nextRunId = 1;
  #nextPing = 1;
  #disposed = false;
  #onIdle: (() => void) | undefined;

  constructor(
    createWorker: () => WorkerLike,
    cache: TranspileCache = new MemoryTranspileCache(),
    options: RuntimeHostOptions = {},
  ) {
    this.#createWorker = createWorker;
    this.#cache = cache;
    this.#onIdle = options.onIdle;
  }

  get isRunning(): boolean {
    return this.#active !== null;
  }

  /** True from `run()` until its outcome, queued runs and the wait for the payload included. */
  get isBusy(): boolean {
    return this.#pending > 0;
  }

  get hasWorker(): boolean {
    return this.#worker !== null;
  }

  get holdsWarmInstance(): boolean {
    return this.#workerIsWarm;
  }

  /** Starts the worker ahead of the first run, so its start-up is off the critical path. */
  warmUp(): void {
    this.#ensureWorker();
  }

  run(request: RunRequest): Promise<RunOutcome> {
    this.#pending++;
    const result = this.#queue.then(() => this.#start(request));
    this.#queue = result.catch(() => undefined);
    void result
      .catch(() => undefined)
      .then(() => {
        if (--this.#pending === 0 && !this.#disposed) this.#onIdle?.();
      });
    return result;
  }

  /** Stops the current run, if any; with none, it starts no worker. */
  cancel(): void {
    this.#abort('cancelled', { code: 'Cancelled', message: 'The run was cancelled.' });
  }

  /**
   * Ends an idle host's worker to give its memory back, and forgets what that worker held; the
   * host stays usable and its next run starts a worker and sends the cached transpile. Returns
   * false, and does nothing, while a run is pending.
   */
  retire(): boolean {
    if (this.isBusy) return false;
    this.#dropWorker();
    return true;
  }

  dispose(): void {
    this.#disposed = true;
    this.cancel();
    this.#dropWorker();
  }

  async #start(request: RunRequest): Promise<RunOutcome> {
    if (this.#disposed) {
      return {
        status: 'cancelled',
        error: { code: 'Cancelled', message: 'The runtime was closed.' },
      };
    }
    const limits = {
      maxOutputBytes: request.maxOutputBytes,
      maxLineBytes: request.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES,
      maxMemoryBytes: request.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES,
    };
    // Refused here, before a worker is asked: a nonsense limit would otherwise misbehave (a
    // timeout past 2^31-1 ms fires at once) rather than fail.
    const problem = limitsProblem({ ...limits, timeoutMs: request.timeoutMs });
    if (problem) return { status: 'error', error: { code: 'InvalidInput', message: problem } };
    const worker = this.#ensureWorker();
    const payload = await this.#payloadFor(request.component);
    const runId = this.#nextRunId++;
    return new Promise<RunOutcome>((resolve) => {
      const timer = setTimeout(
        () =>
          this.#abort('timeout', {
            code: 'Timeout',
            message: `Loading the component took longer than ${LOAD_TIMEOUT_MS / 1000} s.`,
          }),
        LOAD_TIMEOUT_MS,
      );
      this.#active = {
        runId,
        loadedFrom: payload.from,
        request,
        settle: resolve,
        timer,
        callPhase: false,
      };
      const built = buildRunCommand(runId, request, payload.message, limits, this.#workerHasFiles);
      const { command } = built;
      const transfer = [...payload.transfer, ...built.transfer];
      worker.postMessage(command, transfer);
      this.#watchForSilence(this.#active);
      this.#workerHas.add(request.component.id);
      // The worker drops its warm instance on any other run that calls something.
      if (request.calls.length > 0) this.#workerIsWarm = request.keepWarm === true;
    });
  }

  /** Sends nothing the worker already has; otherwise a cached transpile, else the bytes. */
  async #payloadFor(
    source: ComponentSource,
  ): Promise<{ message: ComponentPayload; transfer: Transferable[]; from: LoadSource }> {
    const base = { id: source.id, name: source.name };
    if (this.#workerHas.has(source.id)) return { message: base, transfer: [], from: 'worker' };
    const cached = await this.#cache.get(source.id).catch(() => undefined);
    if (cached) {
      // Copy, then transfer: the cache keeps its own bytes for the next worker.
      const coreModules = cached.coreModules.map(
        ([name, bytes]) => [name, bytes.slice()] as [string, Uint8Array],
      );
      return {
        message: { ...base, transpiled: { ...cached, coreModules } },
        transfer: coreModules.map(([, bytes]) => bytes.buffer),
        from: 'cache',
      };
    }
    const bytes = source.bytes.slice();
    return { message: { ...base, bytes }, transfer: [bytes.buffer], from: 'bytes' };
  }

  /**
   * Asks a worker that has said nothing of the run whether it is alive, and replaces one that
   * does not answer, so the run ends with a sentence in seconds instead of the load timeout.
   */
  #watchForSilence(active: ActiveRun): void {
    active.watch = setTimeout(() => {
      if (this.#active !== active || !this.#worker) return;
      const nonce = this.#nextPing++;
      active.ping = nonce;
      active.watch = setTimeout(() => {
        if (this.#active !== active) return;
        this.#replaceWorker();
        this.#settle('error', {
          code: 'WorkerCrashed',
          message: 'The worker stopped without a word; it was restarted.',
        });
      }, PING_TIMEOUT_MS);
      const ping: WorkerCommand = { kind: 'ping', nonce };
      this.#worker.postMessage(ping, []);
    }, SILENCE_MS);
  }

  /** The worker spoke: it is alive, and the run need not check on it. */
  #heard(active: ActiveRun): void {
    clearTimeout(active.watch);
    active.watch = undefined;
    active.ping = undefined;
  }

  #ensureWorker(): WorkerLike {
    if (this.#worker) return this.#worker;
    const worker = this.#createWorker();
    worker.onmessage = (event) => this.#onEvent(worker, event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      if (worker !== this.#worker) return;
      this.#replaceWorker();
      this.#settle('error', {
        code: 'WorkerCrashed',
        message: `The runtime worker stopped: ${event.message || 'unknown error'}`,
      });
    };
    worker.onmessageerror = () => {
      if (worker !== this.#worker) return;
      // A lost message may have been the run's outcome: the run cannot end any other way.
      this.#replaceWorker();
      this.#settle('error', {
        code: 'WorkerCrashed',
        message: 'A message from the worker could not be read; the worker was restarted.',
      });
    };
    this.#worker = worker;
    return worker;
  }

  #onEvent(worker: WorkerLike, event: WorkerEvent): void {
    const active = this.#active;
    if (worker !== this.#worker || event.kind === 'ready' || !active) return;
    if (event.kind === 'pong') {
      if (event.nonce === active.ping) this.#heard(active);
      return;
    }
    if (event.runId !== active.runId) return;
    this.#heard(active);
    switch (event.kind) {
      case 'stage':
        active.request.onStage?.(event.stage);
        if (event.stage === 'instantiating' && !active.callPhase) {
          // The run's own limit starts once loading is done.
          active.callPhase = true;
          active.limitStartedAt = performance.now();
          clearTimeout(active.timer);
          const limit = active.request.timeoutMs;
          active.timer = setTimeout(
            () =>
              this.#abort('timeout', {
                code: 'Timeout',
                message: `The run took longer than its ${formatMs(limit)} limit and was stopped.`,
              }),
            limit,
          );
        }
        break;
      case 'output':
        active.request.onOutput?.(event.stream, event.text);
        break;
      case 'finished': {
        if (event.transpiled) {
          // A full disk or a blocked IndexedDB only costs the next load a transpile.
          this.#cache.put(active.request.component.id, event.transpiled).catch(() => undefined);
        }
        // A failed run leaves no warm instance behind (executeRun clears it).
        if (!event.outcome.ok) this.#workerIsWarm = false;
        this.#finish(outcomeOf(event, active.loadedFrom));
        break;
      }
    }
  }

  #abort(status: 'timeout' | 'cancelled', error: RunError): void {
    const active = this.#active;
    if (!active) return;
    // The ended worker says nothing more: how long the run had run is the host's to tell.
    const started = active.limitStartedAt;
    this.#replaceWorker();
    this.#finish({
      status,
      error,
      ...(started === undefined ? {} : { stoppedAfterMs: performance.now() - started }),
    });
  }

  /** Terminating is the only way to stop a running wasm call; start the successor right away. */
  #replaceWorker(): void {
    this.#dropWorker();
    if (!this.#disposed) this.#ensureWorker();
  }

  #dropWorker(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#workerHas.clear();
    this.#workerHasFiles.clear();
    this.#workerIsWarm = false;
  }

  #settle(status: 'error' | 'timeout' | 'cancelled', error: RunError): void {
    this.#finish({ status, error });
  }

  #finish(outcome: RunOutcome): void {
    const active = this.#active;
    if (!active) return;
    clearTimeout(active.timer);
    clearTimeout(active.watch);
    this.#active = null;
    active.settle(outcome);
  }
}
