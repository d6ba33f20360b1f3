import { formatLimit, type OutputBudget } from './outputBudget';

export { OutputLimitError } from './outputBudget';

const TAIL_CHARS = 4096;

type Emit = (stream: 'stdout' | 'stderr', text: string) => void;

/**
 * stdout and stderr handlers for preview2-shim's output streams. Bytes are counted against the
 * run's output budget before they are decoded or forwarded, so a flood stops at the limit instead
 * of growing the page's memory.
 */
export function createOutputCapture(budget: OutputBudget, maxLineBytes: number, emit: Emit) {
  // The end of stderr, where a guest says why it is about to trap.
  let stderrTail = '';
  const stream = (name: 'stdout' | 'stderr') => {
    const decoder = new TextDecoder();
    let lineBytes = 0;
    return {
      write(contents: Uint8Array) {
        budget.spendStream(contents.byteLength);
        for (const byte of contents) {
          lineBytes = byte === 10 ? 0 : lineBytes + 1;
          if (lineBytes > maxLineBytes) {
            budget.fail(
              `The run wrote a line longer than ${formatLimit(maxLineBytes)} to ${name}.`,
            );
          }
        }
        const text = decoder.decode(contents, { stream: true });
        if (!text) return;
        if (name === 'stderr') stderrTail = (stderrTail + text).slice(-TAIL_CHARS);
        emit(name, text);
      },
      blockingFlush() {},
      flush() {},
    };
  };
  return {
    stdout: stream('stdout'),
    stderr: stream('stderr'),
    get limitHit() {
      return budget.limitHit;
    },
    get stderrTail() {
      return stderrTail;
    },
  };
}
