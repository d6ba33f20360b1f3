/** Raised when a run writes more than its output limit; the run ends with OutputLimit. */
export class OutputLimitError extends Error {
  readonly code = 'OutputLimit';
  constructor(limit: number) {
    super(`The run wrote more than ${limit} bytes to stdout and stderr.`);
  }
}

const TAIL_CHARS = 4096;

type Emit = (stream: 'stdout' | 'stderr', text: string) => void;

/**
 * stdout and stderr handlers for preview2-shim's output streams. Bytes are counted before they
 * are decoded or forwarded, so a flood stops at the limit instead of growing the page's memory.
 */
export function createOutputCapture(maxBytes: number, emit: Emit) {
  let written = 0;
  let limitHit = false;
  // The end of stderr, where a guest says why it is about to trap.
  let stderrTail = '';
  const stream = (name: 'stdout' | 'stderr') => {
    const decoder = new TextDecoder();
    return {
      write(contents: Uint8Array) {
        written += contents.byteLength;
        if (written > maxBytes) {
          limitHit = true;
          throw new OutputLimitError(maxBytes);
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
      return limitHit;
    },
    get stderrTail() {
      return stderrTail;
    },
  };
}
