// astrid's host functions (`extism:host/user`, and the `shim` helpers) for one plugin, served
// from the run the plugin is serving now. Each reads its arguments from, and writes its answer
// to, Extism's host memory (skill-formats.md, 3.3 and 3.4). What the playground cannot serve, or
// the instance's grants do not allow, refuses: the plugin's call fails with a sentence, as it does
// in astrid when a host function returns an error, and the refusal is kept for the audit record.
import type { FileTree } from '../../../vfs';
import type { Grants, RefusedHostCall } from '../../protocol';
import {
  ASTRID_FUNCTIONS,
  SHIM_FUNCTIONS,
  UNAVAILABLE,
  unavailableMessage,
  type AstridFunction,
} from './hostFunctionList';
import * as files from './workspaceFiles';

/** The part of Extism's CallContext a host function uses. */
export interface HostMemory {
  read(address: bigint): { bytes(): Uint8Array } | null;
  store(value: string | Uint8Array): bigint;
}

export type RefusedCall = RefusedHostCall;

/** Thrown by a host function that refuses: it ends the plugin's call with its sentence. */
export class HostRefusal extends Error {
  constructor(
    readonly code: 'PermissionDenied' | 'ExecutionFailure',
    message: string,
  ) {
    super(message);
    this.name = 'HostRefusal';
  }
}

/** What one run gives the host functions. */
export interface AstridRun {
  /** astrid_get_config's answers: each key's value as JSON text. */
  config: ReadonlyMap<string, string>;
  kv: Map<string, Uint8Array>;
  /** /workspace; absent when the run has no files. */
  workspace?: FileTree;
  grants: Grants;
  log(level: string, message: string): void;
  refused: RefusedCall[];
  /** An astrid_http_request: the request's JSON in, the response's JSON out. */
  http(request: string): Promise<string>;
}

/** The run a plugin serves now: a warm plugin serves one run after another. */
export interface RunHolder {
  current: AstridRun;
}

/** astrid's caps (host/util.rs): a guest payload, a key, a log message. */
export const HOST_LIMITS = { payloadBytes: 10 * 1024 * 1024, keyBytes: 4096, logBytes: 65536 };

type HostFunction = (memory: HostMemory, ...args: bigint[]) => unknown;

const decoder = new TextDecoder();

// A synchronous XMLHttpRequest could serve the call without JSPI, but it follows redirects to
// any host before we see them and cannot be capped while it reads: the grant would not hold.
const NO_JSPI =
  'astrid_http_request needs JavaScript Promise Integration (JSPI), which this browser lacks.';

function bytesAt(memory: HostMemory, address: bigint, max: number, what: string): Uint8Array {
  if (address === 0n) return new Uint8Array();
  const block = memory.read(address);
  if (!block)
    throw new HostRefusal('ExecutionFailure', `The ${what} is not a valid memory handle.`);
  const bytes = block.bytes();
  if (bytes.byteLength > max) {
    throw new HostRefusal('ExecutionFailure', `The ${what} is larger than astrid's ${max} bytes.`);
  }
  return bytes.slice();
}

const textAt = (memory: HostMemory, address: bigint, max: number, what: string) =>
  decoder.decode(bytesAt(memory, address, max, what));

function refuse(run: AstridRun, name: string, reason: RefusedCall['reason'], detail: string) {
  run.refused.push({ function: name, reason, detail });
  return reason === 'unavailable'
    ? new HostRefusal('ExecutionFailure', unavailableMessage(name))
    : new HostRefusal('PermissionDenied', detail);
}

/** A workspace operation, after the grants: reading needs read or write, changing needs write. */
function onWorkspace<T>(
  run: AstridRun,
  name: string,
  access: 'read' | 'write',
  path: string,
  operation: (tree: FileTree) => T,
): T {
  const allowed = access === 'write' ? run.grants.write : run.grants.read || run.grants.write;
  if (!run.workspace || !allowed) {
    const grant = access === 'write' ? 'write' : 'read';
    throw refuse(
      run,
      name,
      'denied',
      `security denied ${name.replace(/^astrid_/, '')} of "${path}": the instance's grants do not let the capsule ${grant} /workspace.`,
    );
  }
  try {
    return operation(run.workspace);
  } catch (error) {
    if (error instanceof files.WorkspaceFileError) throw new HostRefusal(error.code, error.message);
    throw error;
  }
}

/**
 * The `extism:host/user` functions, all twenty: a plugin may import any of them. With
 * `asyncHttp` (JSPI is there), astrid_http_request is async and Extism suspends the plugin
 * while the request is under way; without, it refuses.
 */
export function astridFunctions(
  holder: RunHolder,
  options: { asyncHttp: boolean },
): Record<AstridFunction, HostFunction> {
  const run = () => holder.current;
  const path = (m: HostMemory, a: bigint) => textAt(m, a, files.MAX_PATH_BYTES, 'path');
  const key = (m: HostMemory, a: bigint) => textAt(m, a, HOST_LIMITS.keyBytes, 'key');
  const unavailable = (name: AstridFunction) => () => {
    throw refuse(run(), name, 'unavailable', UNAVAILABLE[name] ?? '');
  };
  const served: Partial<Record<AstridFunction, HostFunction>> = {
    astrid_get_config: (m, k) => m.store(run().config.get(key(m, k!)) ?? ''),
    astrid_log: (m, level, message) =>
      run().log(
        textAt(m, level!, HOST_LIMITS.keyBytes, 'log level'),
        textAt(m, message!, HOST_LIMITS.logBytes, 'log message'),
      ),
    astrid_kv_get: (m, k) => {
      const value = run().kv.get(key(m, k!));
      // astrid hands the value back as (lossy) UTF-8 text, and "" for a key never set.
      return m.store(value ? decoder.decode(value) : '');
    },
    astrid_kv_set: (m, k, value) => {
      run().kv.set(key(m, k!), bytesAt(m, value!, HOST_LIMITS.payloadBytes, 'value'));
    },
    astrid_read_file: (m, p) => {
      const at = path(m, p!);
      return m.store(
        onWorkspace(run(), 'astrid_read_file', 'read', at, (t) => files.readFile(t, at)),
      );
    },
    astrid_write_file: (m, p, content) => {
      const at = path(m, p!);
      const bytes = bytesAt(m, content!, HOST_LIMITS.payloadBytes, 'file content');
      onWorkspace(run(), 'astrid_write_file', 'write', at, (t) => files.writeFile(t, at, bytes));
    },
    astrid_fs_exists: (m, p) => {
      const at = path(m, p!);
      return m.store(
        String(onWorkspace(run(), 'astrid_fs_exists', 'read', at, (t) => files.exists(t, at))),
      );
    },
    astrid_fs_mkdir: (m, p) => {
      const at = path(m, p!);
      onWorkspace(run(), 'astrid_fs_mkdir', 'write', at, (t) => files.mkdir(t, at));
    },
    astrid_fs_readdir: (m, p) => {
      const at = path(m, p!);
      const names = onWorkspace(run(), 'astrid_fs_readdir', 'read', at, (t) =>
        files.readdir(t, at),
      );
      return m.store(JSON.stringify(names));
    },
    astrid_fs_stat: (m, p) => {
      const at = path(m, p!);
      return m.store(
        JSON.stringify(onWorkspace(run(), 'astrid_fs_stat', 'read', at, (t) => files.stat(t, at))),
      );
    },
    astrid_fs_unlink: (m, p) => {
      const at = path(m, p!);
      onWorkspace(run(), 'astrid_fs_unlink', 'write', at, (t) => files.unlink(t, at));
    },
    astrid_http_request: options.asyncHttp
      ? async (m: HostMemory, request: bigint) =>
          m.store(await run().http(textAt(m, request, HOST_LIMITS.payloadBytes, 'request')))
      : () => {
          // Kept for the audit like any other refusal: the run's record says why no request left.
          run().refused.push({
            function: 'astrid_http_request',
            reason: 'unavailable',
            detail: NO_JSPI,
          });
          throw new HostRefusal('ExecutionFailure', NO_JSPI);
        },
  };
  return Object.fromEntries(
    (Object.keys(ASTRID_FUNCTIONS) as AstridFunction[]).map((name) => [
      name,
      served[name] ?? unavailable(name),
    ]),
  ) as Record<AstridFunction, HostFunction>;
}

/** The `shim` helpers astrid gives QuickJS capsules: they refuse, but instantiation succeeds. */
export function shimFunctions(holder: RunHolder): Record<string, HostFunction> {
  return Object.fromEntries(
    SHIM_FUNCTIONS.map((name) => [
      name,
      () => {
        throw refuse(holder.current, name, 'unavailable', UNAVAILABLE[name] ?? '');
      },
    ]),
  );
}
