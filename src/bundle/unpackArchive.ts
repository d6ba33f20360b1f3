import { ARCHIVE_LIMITS, ArchiveError, answerUnpack, type ArchiveLimits } from './archive';
import type { UnpackCommand, UnpackEvent } from './archiveProtocol';
import type { PickedFile } from './types';

export interface UnpackOptions {
  /** Aborting ends the worker at once; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  limits?: ArchiveLimits;
}

/**
 * The files of a `.zip`, `.skill`, `.tar.gz` or `.tgz` archive, under one folder, unpacked in a
 * worker of its own so that a bomb is refused without blocking the page (see inflateArchive and
 * untarArchive for the rules). Bytes are copied, then transferred; a picked file is handed over
 * as it is and read in the worker.
 */
export async function unpackArchive(
  data: Uint8Array | Blob,
  archiveName: string,
  options: UnpackOptions = {},
): Promise<PickedFile[]> {
  options.signal?.throwIfAborted();
  const command: UnpackCommand = {
    kind: 'unpack',
    archiveName,
    data: data instanceof Uint8Array ? data.slice() : data,
    limits: options.limits ?? ARCHIVE_LIMITS,
  };
  // Node (the unit tests) has no Worker: there the same answer is computed in place.
  const answer =
    typeof Worker === 'undefined'
      ? await answerUnpack(command)
      : await inWorker(command, options.signal);
  switch (answer.kind) {
    case 'unpacked':
      return answer.entries.map(({ path, bytes, linkTo }) => ({
        path,
        file: new Blob([bytes as BlobPart]),
        ...(linkTo === undefined ? {} : { linkTo }),
      }));
    case 'refused':
      throw new ArchiveError(answer.message);
    case 'failed':
      throw new ArchiveError(`${archiveName} could not be unpacked: ${answer.message}`);
  }
}

function inWorker(command: UnpackCommand, signal: AbortSignal | undefined): Promise<UnpackEvent> {
  const worker = new Worker(new URL('./archive.worker.ts', import.meta.url), {
    type: 'module',
    name: 'archive-unpack',
  });
  return new Promise<UnpackEvent>((resolve, reject) => {
    const end = () => {
      worker.terminate();
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      end();
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
    worker.onmessage = (event: MessageEvent<UnpackEvent>) => {
      end();
      resolve(event.data);
    };
    // A worker that cannot start or dies (out of memory) settles the call with a sentence.
    worker.onerror = (event) => {
      event.preventDefault();
      end();
      resolve({
        kind: 'failed',
        message: `the worker that unpacks archives stopped (${event.message || 'no reason given'}).`,
      });
    };
    worker.onmessageerror = () => {
      end();
      resolve({ kind: 'failed', message: 'the unpacked files could not be passed back.' });
    };
    const transfer = command.data instanceof Uint8Array ? [command.data.buffer as ArrayBuffer] : [];
    worker.postMessage(command, transfer);
  });
}
