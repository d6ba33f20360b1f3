import type { FileDraft } from './fieldModel';

/** A file argument travels inside the tool's JSON arguments, so it has to stay modest. */
export const MAX_FILE_ARGUMENT_BYTES = 10 * 1024 * 1024;

/**
 * Reads a chosen file the way a skill can take it in a string argument: UTF-8 text as it is,
 * anything else as a base64 `data:` URL.
 */
export async function readFileDraft(file: Blob & { name: string }): Promise<FileDraft> {
  if (file.size > MAX_FILE_ARGUMENT_BYTES) {
    throw new Error(
      `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MiB; a file argument may be at most ${MAX_FILE_ARGUMENT_BYTES / 1024 / 1024} MiB.`,
    );
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    const content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { name: file.name, size: file.size, content };
  } catch {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    }
    const type = file.type || 'application/octet-stream';
    return { name: file.name, size: file.size, content: `data:${type};base64,${btoa(binary)}` };
  }
}
