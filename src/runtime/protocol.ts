// The only module the runtime host (main thread) and the worker share: every message that
// crosses the boundary is one of these unions, discriminated on `kind`.

import type { FileMap } from '../vfs';

/** A component's identity: the SHA-256 of its bytes, in hex. */
export type ComponentId = string;

/** jco's transpiled output for a component: the instantiation-mode JS and its core modules. */
export interface TranspiledComponent {
  js: string;
  /** Core wasm files by the name the JS asks `getCoreModule` for. */
  coreModules: Array<[name: string, bytes: Uint8Array]>;
  /** Interface and function imports, as jco names them (`wasi:cli/environment`, ...). */
  imports: string[];
  /** Top-level exports: name (camelCase, as the JS has them) and kind (`function`/`instance`). */
  exports: Array<[name: string, kind: string]>;
  /** The bytes were a preview1 core module that was wrapped into a component first. */
  wrapped?: boolean;
}

/** What the worker needs to run a component: its id and, unless it has it, bytes or a transpile. */
export interface ComponentPayload {
  id: ComponentId;
  name: string;
  bytes?: Uint8Array;
  transpiled?: TranspiledComponent;
}

/**
 * One call of an export, by its WIT name: a top-level function (`execute-tool`) or a function
 * of an exported interface (`wasi:cli/run#run`), with plain JSON-able arguments.
 */
export interface ExportCall {
  exportName: string;
  args: unknown[];
  /**
   * The function returns a WIT `result`: jco returns its ok payload and throws its err, and the
   * worker gives back `{tag: 'ok', val}` or `{tag: 'err', val}` instead, so an err is a value.
   */
  returnsResult?: boolean;
}

/**
 * What a run may touch beyond its own memory: the person's grants for the instance, enforced in
 * the worker's WASI layer (a preopen that is not granted is not there; a write not granted fails).
 */
export interface Grants {
  /** /skill and /workspace can be read. */
  read: boolean;
  /** /workspace can be written (and so read). */
  write: boolean;
  /**
   * Hosts outgoing HTTP may reach: exact (`api.example.com`), every subdomain (`*.example.com`),
   * or a domain and its subdomains (`.example.com`). Empty: no request leaves the worker.
   */
  hosts: string[];
}

/**
 * An astrid capsule's plugin: a core module run by @extism/extism with astrid's host functions,
 * instead of a component. Each of its calls names an export and carries the input text as its
 * one argument; each result is the output's bytes, or null when the plugin set none.
 */
export interface PluginSetup {
  /** What astrid_get_config answers: each [env] key with its value as JSON text. */
  config: Array<[string, string]>;
  /** The instance's key-value store as the run finds it. */
  kv: Array<[string, Uint8Array]>;
}

/** A host function of a plugin that refused: not served here, or not allowed by the grants. */
export interface RefusedHostCall {
  function: string;
  reason: 'unavailable' | 'denied';
  detail: string;
}

export interface RunLimits {
  /** Bytes of stdout plus stderr a run may write before it is stopped. */
  maxOutputBytes: number;
  /** Bytes one line of output may hold (sim-lib's process skills cap whole outputs; lines are capped too). */
  maxLineBytes: number;
  /** The largest any linear memory of the component may grow. */
  maxMemoryBytes: number;
}

// ---- host -> worker ---------------------------------------------------------------------------

export type WorkerCommand =
  | RunCommand
  /** Are you there? Sent when a run hears nothing; a live worker answers `pong` at once. */
  | { kind: 'ping'; nonce: number };

export interface RunCommand {
  kind: 'run';
  runId: number;
  component: ComponentPayload;
  /** Calls made in order on one fresh instance; their results come back in the same order. */
  calls: ExportCall[];
  env: Array<[string, string]>;
  /** The instance's configuration, for the skill-basic world's get-config imports. */
  config: Array<[string, string]>;
  /** What the instance reads on standard input; it ends after these bytes. */
  stdin?: Uint8Array;
  /**
   * Reuse the instance of the previous run (its memory and files) instead of a fresh one.
   * `warmRevision` changes when what the instance was made with changes outside it.
   */
  keepWarm?: boolean;
  warmRevision?: number;
  /** Preopens: the bundle read-only at /skill, the instance's files read-write at /workspace. */
  filesystem?: FilesystemPayload;
  grants: Grants;
  limits: RunLimits;
  /** Set for an Extism plugin (an astrid capsule): how its host functions are served. */
  plugin?: PluginSetup;
}

export interface FilesystemPayload {
  /** The bundle's files, sent once per worker: later runs name the id only. */
  skill: { id: string; files?: FileMap };
  workspace: FileMap;
}

// ---- worker -> host ---------------------------------------------------------------------------

export type RunStage = 'wrapping' | 'transpiling' | 'compiling' | 'instantiating' | 'calling';

/** Why a component could not be loaded (wrapped, transpiled, checked and compiled). */
export type LoadErrorCode =
  'InvalidComponent' | 'TranspileFailed' | 'ImportRefused' | 'MemoryLimit';

export type ErrorCode =
  | LoadErrorCode
  // A loaded component's run failed.
  | 'InstantiateFailed'
  | 'ExecutionFailure'
  | 'OutputLimit'
  | 'MemoryLimit'
  // The host refused the run before it started (a limit out of its range).
  | 'InvalidInput'
  // The run failed after a request to a host its grants do not allow was refused.
  | 'PermissionDenied'
  // The host stopped the worker.
  | 'Timeout'
  | 'Cancelled'
  | 'WorkerCrashed';

/** An error as it crosses the boundary: never a thrown object, always this record. */
export interface RunError {
  code: ErrorCode;
  message: string;
  stage?: RunStage;
  stack?: string;
}

/** What the worker learned about the component while loading it. */
export interface ComponentInfo {
  imports: string[];
  exports: Array<[name: string, kind: string]>;
  /** Set when the bytes were a WASI preview1 core module, wrapped into a component here. */
  wrapped: boolean;
  /** Imports the playground does not provide: each of their functions traps when called. */
  stubbed: string[];
}

/** What a run's outgoing HTTP did: requests let through, and the hosts refused for want of a grant. */
export interface NetworkSummary {
  /** Requests the grants allowed (each sent, unless its own body was over the cap). */
  requests: number;
  /** Host (with the port when not the default) of each refused request, once each. */
  denied: string[];
}

export interface RunTimings {
  wrapMs: number;
  transpileMs: number;
  compileMs: number;
  instantiateMs: number;
  callMs: number;
}

export type WorkerEvent =
  | { kind: 'ready' }
  | { kind: 'pong'; nonce: number }
  | { kind: 'stage'; runId: number; stage: RunStage }
  | { kind: 'output'; runId: number; stream: 'stdout' | 'stderr'; text: string }
  | {
      kind: 'finished';
      runId: number;
      outcome: { ok: true; results: unknown[]; exitCode?: number } | { ok: false; error: RunError };
      timings: RunTimings;
      info?: ComponentInfo;
      /** /workspace as the run left it, when the run had a filesystem. */
      workspace?: FileMap;
      /** The linear memory the instance holds after the calls, all its memories together. */
      memoryBytes?: number;
      /** Present when the component tried to reach the network during the run. */
      network?: NetworkSummary;
      /** Set when this run transpiled the component, so the host can cache the result. */
      transpiled?: TranspiledComponent;
      /** A plugin's key-value store after the run, when the run changed it. */
      kv?: Array<[string, Uint8Array]>;
      /** A plugin's host functions that refused during the run. */
      refused?: RefusedHostCall[];
    };
