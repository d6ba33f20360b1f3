/// <reference lib="webworker" />
import { answerUnpack } from './archive';
import type { UnpackCommand } from './archiveProtocol';

// Unpacks one archive off the main thread; the page ends this worker once it has the answer,
// or as soon as it no longer wants one.

self.onmessage = async (event: MessageEvent<UnpackCommand>) => {
  const answer = await answerUnpack(event.data);
  const transfer =
    answer.kind === 'unpacked' ? answer.entries.map((e) => e.bytes.buffer as ArrayBuffer) : [];
  self.postMessage(answer, transfer);
};
