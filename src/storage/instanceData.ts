import { deleteCapsuleKv, readCapsuleKv, saveCapsuleKv } from './capsuleKv';
import { deleteInstance, readInstance, saveInstance } from './instanceConfig';
import { deleteWorkspace, readWorkspace, saveWorkspace } from './workspaceFiles';

// What one instance holds lives in three stores (settings, /workspace, a capsule's key-value
// store); these move it as one.

/** Copies an instance's settings, files and store to a new name. */
export async function copyInstanceData(skillKey: string, from: string, to: string): Promise<void> {
  const [settings, files, kv] = await Promise.all([
    readInstance(skillKey, from),
    readWorkspace(skillKey, from),
    readCapsuleKv(skillKey, from),
  ]);
  const unreadable = settings.unreadable ?? files.unreadable ?? kv.unreadable;
  if (unreadable) throw new Error(unreadable);
  await saveInstance(skillKey, { ...settings.value, name: to });
  if (files.value.size > 0) await saveWorkspace(skillKey, files.value, to);
  if (kv.value.length > 0) await saveCapsuleKv(skillKey, kv.value, to);
}

export async function deleteInstanceData(skillKey: string, name: string): Promise<void> {
  await Promise.all([
    deleteInstance(skillKey, name),
    deleteWorkspace(skillKey, name),
    deleteCapsuleKv(skillKey, name),
  ]);
}
