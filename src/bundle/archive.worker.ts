/// <reference lib="webworker" />
import { answerUnzip } from './archive';
import type { UnzipCommand } from './archiveProtocol';

// Inflates one archive off the main thread; the page ends this worker once it has the answer,
// or as soon as it no longer wants one.

self.onmessage = async (event: MessageEvent<UnzipCommand>) => {
  const answer = await answerUnzip(event.data);
  const transfer =
    answer.kind === 'unzipped' ? answer.entries.map((e) => e.bytes.buffer as ArrayBuffer) : [];
  self.postMessage(answer, transfer);
};
