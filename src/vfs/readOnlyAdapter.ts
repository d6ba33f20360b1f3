import {
  InMemoryFilesystemAdapter,
  UNWRAP_DESCRIPTOR,
} from '@bytecodealliance/preview2-shim/in-memory-filesystem';
import type { FileTree } from './fileTree';

/** A preopen: its tree, and whether the guest may change it. */
export interface Mount {
  tree: FileTree;
  readOnly: boolean;
}

const MUTATING = new Set([
  'write',
  'writeViaStream',
  'appendViaStream',
  'setSize',
  'setTimes',
  'setTimesAt',
  'createDirectoryAt',
  'linkAt',
  'removeDirectoryAt',
  'renameAt',
  'symlinkAt',
  'unlinkFileAt',
]);

type Descriptor = Record<string | symbol, unknown>;

interface OpenFlags {
  create?: boolean;
  truncate?: boolean;
  exclusive?: boolean;
}
interface DescriptorFlags {
  write?: boolean;
  mutateDirectory?: boolean;
}

/**
 * preview2-shim's in-memory filesystem, with read-only mounts: the in-memory descriptors ignore
 * the flags a file is opened with, so every descriptor under a read-only mount is wrapped and
 * refuses writes, creation and removal with WASI's `read-only` error.
 */
export class MountAdapter {
  #inner = new InMemoryFilesystemAdapter();

  getRoot(mount: Mount) {
    const root = this.#inner.getRoot(mount.tree) as unknown as Descriptor;
    return (mount.readOnly ? readOnly(root) : root) as unknown as ReturnType<
      InMemoryFilesystemAdapter['getRoot']
    >;
  }
}

function readOnly(descriptor: Descriptor): Descriptor {
  return new Proxy(descriptor, {
    get(target, property) {
      // preview2-shim reaches through wrappers with this symbol for its private fields.
      if (property === UNWRAP_DESCRIPTOR) return target;
      const value = target[property];
      if (typeof value !== 'function') return value;
      if (typeof property === 'string' && MUTATING.has(property)) {
        return () => {
          throw 'read-only';
        };
      }
      if (property === 'openAt') {
        return (pathFlags: unknown, path: string, openFlags: OpenFlags, flags: DescriptorFlags) => {
          if (openFlags?.create || openFlags?.truncate || flags?.write || flags?.mutateDirectory) {
            throw 'read-only';
          }
          const opened = (value as (...args: unknown[]) => Descriptor).call(
            target,
            pathFlags,
            path,
            openFlags,
            flags,
          );
          return readOnly(opened);
        };
      }
      // Methods use private fields: call them on the real descriptor, never on the proxy.
      return (value as (...args: unknown[]) => unknown).bind(target);
    },
  });
}
