import type { FileMap } from '../vfs';

// A local skill travels inside its link only when every file is text: binaries (a component, an
// image) are never inlined, since they would make the link unreadable and far too long. Whether
// the text fits is decided after encoding, by the link's length.

const decoder = new TextDecoder('utf-8', { fatal: true });

export type InlineFiles =
  { ok: true; files: Record<string, string> } | { ok: false; reason: string; binaries: string[] };

/** The skill's files as text, path to content; or the binary files that keep it out of a link. */
export function inlineFiles(files: FileMap): InlineFiles {
  const out: Record<string, string> = {};
  const binaries: string[] = [];
  for (const path of [...files.keys()].sort()) {
    const text = textOf(files.get(path)!);
    if (text === null) binaries.push(path);
    else out[path] = text;
  }
  if (binaries.length > 0) {
    const named = binaries.slice(0, 3).join(', ') + (binaries.length > 3 ? ', …' : '');
    return {
      ok: false,
      binaries,
      reason: `It holds binary files (${named}), and a link carries only text.`,
    };
  }
  return { ok: true, files: out };
}

function textOf(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

/** The inlined files back as bytes. */
export function filesFromInline(files: Record<string, string>): FileMap {
  const encoder = new TextEncoder();
  return new Map(Object.entries(files).map(([path, text]) => [path, encoder.encode(text)]));
}
