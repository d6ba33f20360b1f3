/// <reference lib="webworker" />
import type { InspectReply, InspectRequest } from '../inspectProtocol';

// The wasm inspector: wasm-tools' `metadata show` and `component wit`, loaded on the first file
// inspected. Failures come back as a message; the worker never throws across the boundary.

const tools = () => import('@bytecodealliance/jco-transpile/wasm-tools');

self.onmessage = async (event: MessageEvent<InspectRequest>) => {
  const { id, bytes } = event.data;
  let reply: InspectReply;
  try {
    const { componentWit, metadataShow } = await tools();
    const parts = (await metadataShow(bytes)).map((part) => ({
      ...(part.name ? { name: part.name } : {}),
      kind: part.metaType.tag,
      ...(part.parentIndex === undefined ? {} : { parent: part.parentIndex }),
      producers: part.producers,
    }));
    let wit: string | undefined;
    let witError: string | undefined;
    if (parts[0]?.kind === 'component') {
      try {
        wit = await componentWit(bytes);
      } catch (error) {
        witError = messageOf(error);
      }
    }
    reply = { id, ok: true, parts, ...(wit ? { wit } : {}), ...(witError ? { witError } : {}) };
  } catch (error) {
    reply = { id, ok: false, message: messageOf(error) };
  }
  self.postMessage(reply);
};

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  const payload = (error as { payload?: unknown })?.payload;
  return typeof payload === 'string' ? payload : String(error);
}
