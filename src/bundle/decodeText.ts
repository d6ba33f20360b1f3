// Decoding a large text file without holding the page. TextDecoder is native and fast, but a
// 10 MB SKILL.md still took one task of 70 to 200 ms on a busy machine: decoded a slice at a time,
// with the page free between slices, no task grows with the file.

/** How many bytes are decoded in one task. */
export const DECODE_SLICE_BYTES = 1024 * 1024;

/**
 * The bytes as UTF-8 text, exactly as `new TextDecoder().decode(bytes)` gives them (a leading BOM
 * dropped, bad sequences replaced), decoded a slice per task.
 */
export async function decodeTextInSlices(
  bytes: Uint8Array,
  slice = DECODE_SLICE_BYTES,
): Promise<string> {
  const decoder = new TextDecoder();
  if (bytes.byteLength <= slice) return decoder.decode(bytes);
  const parts: string[] = [];
  for (let at = 0; at < bytes.byteLength; at += slice) {
    if (at > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    // A character cut between slices is held back by the decoder until the next one.
    parts.push(decoder.decode(bytes.subarray(at, at + slice), { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}
