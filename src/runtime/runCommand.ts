// The two translations the runtime host makes at the worker boundary: a request into the `run`
// command the worker gets (its bytes copied, then transferred), and the worker's `finished`
// event into the outcome the caller gets.
import type { ComponentPayload, RunCommand, RunLimits, WorkerEvent } from './protocol';
import { DEFAULT_GRANTS, type LoadSource, type RunOutcome, type RunRequest } from './runRequest';
import type { FileMap } from '../vfs';

const copy = (files: FileMap): FileMap =>
  new Map([...files].map(([path, bytes]) => [path, bytes.slice()]));

/**
 * The command for one run. The bundle's files go to a worker once (`workerHasFiles` says which
 * it has, and learns the ones sent now); the buffers to transfer come back with the command.
 */
export function buildRunCommand(
  runId: number,
  request: RunRequest,
  component: ComponentPayload,
  limits: RunLimits,
  workerHasFiles: Set<string>,
): { command: RunCommand; transfer: Transferable[] } {
  const transfer: Transferable[] = [];
  const command: RunCommand = {
    kind: 'run',
    runId,
    component,
    calls: request.calls,
    env: request.env,
    config: request.config ?? [],
    grants: request.grants ?? DEFAULT_GRANTS,
    limits,
  };
  if (request.keepWarm) {
    command.keepWarm = true;
    command.warmRevision = request.warmRevision ?? 0;
  }
  if (request.filesystem) {
    const { skillId, skillFiles, workspace } = request.filesystem;
    const sendFiles = !workerHasFiles.has(skillId);
    command.filesystem = {
      skill: sendFiles ? { id: skillId, files: copy(skillFiles) } : { id: skillId },
      workspace: copy(workspace),
    };
    for (const [, bytes] of [
      ...(command.filesystem.skill.files ?? new Map()),
      ...command.filesystem.workspace,
    ]) {
      transfer.push(bytes.buffer as ArrayBuffer);
    }
    workerHasFiles.add(skillId);
  }
  if (request.stdin) {
    command.stdin = request.stdin.slice();
    transfer.push(command.stdin.buffer);
  }
  if (request.plugin) {
    const kv = request.plugin.kv.map(([key, value]): [string, Uint8Array] => [key, value.slice()]);
    command.plugin = { config: request.plugin.config, kv };
    for (const [, value] of kv) transfer.push(value.buffer as ArrayBuffer);
  }
  return { command, transfer };
}

/** The caller's outcome of a `finished` event. */
export function outcomeOf(
  event: Extract<WorkerEvent, { kind: 'finished' }>,
  loadedFrom: LoadSource,
): RunOutcome {
  const shared = {
    ...(event.workspace ? { workspace: event.workspace } : {}),
    ...(event.network ? { network: event.network } : {}),
    ...(event.kv ? { kv: event.kv } : {}),
    ...(event.refused ? { refused: event.refused } : {}),
  };
  if (!event.outcome.ok) {
    return {
      status: 'error',
      error: event.outcome.error,
      timings: event.timings,
      info: event.info,
      ...shared,
    };
  }
  return {
    status: 'ok',
    results: event.outcome.results,
    ...(event.outcome.exitCode === undefined ? {} : { exitCode: event.outcome.exitCode }),
    timings: event.timings,
    transpiled: event.transpiled !== undefined,
    loadedFrom,
    info: event.info,
    ...shared,
    ...(event.memoryBytes === undefined ? {} : { memoryBytes: event.memoryBytes }),
  };
}
