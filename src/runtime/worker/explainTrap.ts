/**
 * A wasm trap says little ("unreachable instruction executed"). Guests usually print why just
 * before they trap: a Rust panic line, or QuickJS's `Exception { message: Some("...") }`.
 * Take that sentence from the end of stderr so the user sees the real cause first.
 */
export function explainTrap(trapMessage: string, stderrTail: string): string {
  const base = `The component trapped (${trapMessage.replace(/^wasm trap: /, '')})`;
  const js = /Exception \{ message: Some\("((?:[^"\\]|\\.)*)"\)/.exec(stderrTail);
  if (js) return `${base}: ${unescape(js[1]!)}`;
  const panic = /panicked at [^\n]*:\n([^\n]+)/.exec(stderrTail);
  if (panic) return `${base}: ${panic[1]!.trim()}`;
  return `${base}.`;
}

function unescape(text: string): string {
  try {
    return JSON.parse(`"${text}"`) as string;
  } catch {
    return text;
  }
}
