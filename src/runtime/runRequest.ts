// What a caller hands the runtime host and what it gets back: the request for one run, its
// outcome, and the defaults a request falls back to.

import type {
  ComponentId,
  ComponentInfo,
  ExportCall,
  Grants,
  NetworkSummary,
  PluginSetup,
  RefusedHostCall,
  RunError,
  RunStage,
  RunTimings,
  WorkerCommand,
  WorkerEvent,
} from './protocol';
import type { FileMap } from '../vfs';

/** The part of `Worker` the host uses, so tests can hand it a fake. */
export interface WorkerLike {
  postMessage(message: WorkerCommand, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerEvent>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  /** A message from the worker that could not be deserialised. */
  onmessageerror?: ((event: MessageEvent) => void) | null;
}

export interface ComponentSource {
  id: ComponentId;
  name: string;
  bytes: Uint8Array;
}

export interface RunRequest {
  component: ComponentSource;
  calls: ExportCall[];
  env: Array<[string, string]>;
  /** Configuration for get-config; its values also reach the skill through env. */
  config?: Array<[string, string]>;
  stdin?: Uint8Array;
  /** Reuse the previous run's instance; a new `warmRevision` forces a fresh one. */
  keepWarm?: boolean;
  warmRevision?: number;
  /** /skill and /workspace for the run; the skill's files are sent to a worker once. */
  filesystem?: { skillId: string; skillFiles: FileMap; workspace: FileMap };
  /** What the run may touch; the default reads and writes its filesystem, with no network. */
  grants?: Grants;
  /** Runs the component as an astrid capsule's Extism plugin, with astrid's host functions. */
  plugin?: PluginSetup;
  /** Limit on instantiating and calling; loading the component has its own, longer one. */
  timeoutMs: number;
  maxOutputBytes: number;
  /** Defaults: 64 KiB a line, 256 MiB of linear memory. */
  maxLineBytes?: number;
  maxMemoryBytes?: number;
  onStage?: (stage: RunStage) => void;
  onOutput?: (stream: 'stdout' | 'stderr', text: string) => void;
}

export type RunOutcome =
  | ({
      status: 'ok';
      results: unknown[];
      workspace?: FileMap;
      /** For commands: the status they exited with. */
      exitCode?: number;
      timings: RunTimings;
      /** Whether this run ran jco (false when a cache served the component). */
      transpiled: boolean;
      /** Where the component came from: the worker had it, the transpile cache, or its bytes. */
      loadedFrom: LoadSource;
      info?: ComponentInfo;
      /** The instance's linear memory after the calls. */
      memoryBytes?: number;
      /** What the run's outgoing HTTP did, when it tried any. */
      network?: NetworkSummary;
    } & PluginResults)
  | ({
      status: 'error' | 'timeout' | 'cancelled';
      error: RunError;
      timings?: RunTimings;
      /**
       * A run the host stopped (timeout or Cancel) after loading: the time from the start of its
       * own limit (instantiating) to the stop, by the host's clock.
       */
      stoppedAfterMs?: number;
      info?: ComponentInfo;
      workspace?: FileMap;
      network?: NetworkSummary;
    } & PluginResults);

/** What a plugin's run leaves beside its results. */
export interface PluginResults {
  /** The key-value store after the run, when the run changed it. */
  kv?: Array<[string, Uint8Array]>;
  /** Host functions that refused during the run. */
  refused?: RefusedHostCall[];
}

export type LoadSource = 'worker' | 'cache' | 'bytes';

/** Its own files to read and write, and no network, unless the instance's policy says other. */
export const DEFAULT_GRANTS: Grants = { read: true, write: true, hosts: [] };

export interface RuntimeHostOptions {
  /** Called when the last queued run has settled, so a pool can start counting idle time. */
  onIdle?: () => void;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;
export const DEFAULT_MAX_LINE_BYTES = 64 * 1024;
export const DEFAULT_MAX_MEMORY_BYTES = 256 * 1024 * 1024;
/** Transpiling a large component on a slow machine takes seconds, never minutes. */
export const LOAD_TIMEOUT_MS = 120_000;
/**
 * A worker that died without an error event swallows what it is sent, and its run would wait for
 * LOAD_TIMEOUT_MS. Every worker says its first stage at once, so a run that hears nothing for this
 * long asks whether the worker is there...
 */
export const SILENCE_MS = 3_000;
/** ...and a worker that does not answer within this is taken for dead and replaced. */
export const PING_TIMEOUT_MS = 5_000;

/** A limit as a person reads it: whole seconds as seconds, else milliseconds. */
export function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
