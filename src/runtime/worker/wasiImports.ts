import {
  inputStreamCreate,
  outputStreamCreate,
  pollableCreate,
} from '@bytecodealliance/preview2-shim/io';
import { WASIShim } from '@bytecodealliance/preview2-shim/instantiation';
import type { FileTree } from '../../vfs';
import type { Grants } from '../protocol';
import { MountAdapter } from '../../vfs/readOnlyAdapter';
import { createOutgoingHttp, NetworkLog, type IoFactories } from './outgoingHttp';
import { preopensFor } from './preopens';

export interface ImportSetup {
  /** /skill (read-only) and /workspace; none gives the guest no filesystem. */
  mounts?: { skill: FileTree; workspace: FileTree };
  /** Which of the mounts the guest sees, and whether /workspace takes writes. */
  grants: Grants;
  env: Array<[string, string]>;
  config: Array<[string, string]>;
  /** Where this instance's stdio goes; a warm instance is pointed at each new run's. */
  io: IoSwitch;
}

interface Writer {
  write(contents: Uint8Array): void;
}

/** The stdio and the network log of the run an instance is serving now. */
export interface IoSwitch {
  target: {
    stdin: ReturnType<typeof stdinFrom>;
    stdout: Writer;
    stderr: Writer;
    network: NetworkLog;
  };
}

export function ioFor(
  stdin: Uint8Array,
  stdout: Writer,
  stderr: Writer,
  network = new NetworkLog(),
): IoSwitch['target'] {
  return { stdin: stdinFrom(stdin), stdout, stderr, network };
}

/**
 * Serves the run's input, then reports the stream closed: both wasi-libc and javy-built
 * commands read until then. skill-engine components get an empty stdin.
 */
export function stdinFrom(bytes: Uint8Array) {
  let offset = 0;
  const read = (len: number | bigint): Uint8Array => {
    if (offset >= bytes.length) throw { tag: 'closed' };
    const end = Math.min(bytes.length, offset + Number(len));
    const chunk = bytes.slice(offset, end);
    offset = end;
    return chunk;
  };
  return { blockingRead: read, read };
}

/**
 * The import object for one instance. WASI comes from a fresh WASIShim configured as a sandbox
 * (only the run's own preopens, no sockets, only the skill's own env); outgoing HTTP is ours
 * (outgoingHttp), served only to the hosts the grants allow; any other interface the component
 * imports gets functions that trap with a sentence naming it, so exports that never call it
 * still work.
 */
export function buildImports(required: string[], setup: ImportSetup): Record<string, unknown> {
  const preopens = setup.mounts ? preopensFor(setup.mounts, setup.grants) : {};
  const shim = new WASIShim({
    ...(setup.mounts ? { browserFilesystem: { adapter: new MountAdapter(), preopens } } : {}),
    sandbox: {
      preopens,
      env: Object.fromEntries(setup.env),
      args: ['skill'],
      enableNetwork: false,
    },
    stdin: {
      blockingRead: (len: number | bigint) => setup.io.target.stdin.blockingRead(len),
      read: (len: number | bigint) => setup.io.target.stdin.read(len),
    },
    stdout: writerFor(() => setup.io.target.stdout),
    stderr: writerFor(() => setup.io.target.stderr),
  } as ConstructorParameters<typeof WASIShim>[0]);
  const wasi = shim.getImportObject() as Record<string, object>;
  // enableNetwork: false above keeps sockets off and the shim's own HTTP client refusing; the
  // client half of wasi:http is replaced by one that asks the grants first. The serving half
  // (incoming requests) stays the shim's: the playground never calls a component's handler.
  const http = createOutgoingHttp({
    hosts: setup.grants.hosts,
    io: { inputStreamCreate, outputStreamCreate, pollableCreate } as unknown as IoFactories,
    log: () => setup.io.target.network,
  });
  const imports: Record<string, unknown> = {
    ...wasi,
    'wasi:http/types': { ...wasi['wasi:http/types'], ...http.types },
    'wasi:http/outgoing-handler': http.outgoingHandler,
    ...skillBasicImports(setup.config),
  };
  for (const name of required) {
    if (!(name in imports)) imports[name] = missingImport(name);
  }
  return imports;
}

function writerFor(current: () => Writer) {
  return {
    write: (contents: Uint8Array) => current().write(contents),
    blockingFlush() {},
    flush() {},
  };
}

/**
 * The host functions of skill-engine's skill-basic world (its SDK's wit/skill.wit): world-level
 * imports, which jco reads as `imports['get-config'].default`.
 */
function skillBasicImports(config: Array<[string, string]>): Record<string, unknown> {
  const values = new Map(config);
  return {
    'get-config': { default: (key: string) => values.get(key) ?? null },
    'get-all-config': { default: () => [...values] },
  };
}

function missingImport(name: string): unknown {
  return new Proxy(
    {},
    {
      get(_target, member) {
        if (typeof member !== 'string') return undefined;
        return () => {
          throw new Error(`import ${name}#${member} is not provided by the playground`);
        };
      },
    },
  );
}
