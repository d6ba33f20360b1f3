import type { FileTree } from '../../vfs';
import type { Grants } from '../protocol';

/**
 * The grants decide the preopens, so an ungranted directory does not exist for the guest at all:
 * read gives /skill and /workspace read-only; write makes /workspace writable (a skill may read
 * what it wrote); neither gives no filesystem.
 */
export function preopensFor(
  mounts: { skill: FileTree; workspace: FileTree },
  grants: Pick<Grants, 'read' | 'write'>,
): Record<string, { tree: FileTree; readOnly: boolean }> {
  return {
    ...(grants.read ? { '/skill': { tree: mounts.skill, readOnly: true } } : {}),
    ...(grants.read || grants.write
      ? { '/workspace': { tree: mounts.workspace, readOnly: !grants.write } }
      : {}),
  };
}
