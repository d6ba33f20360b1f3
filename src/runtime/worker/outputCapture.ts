/** Raised when a run writes more than its output limit; the run ends with OutputLimit. */
export class OutputLimitError extends Error {
  readonly code = 'OutputLimit';
}

const TAIL_CHARS = 4096;

type Emit = (stream: 'stdout' | 'stderr', text: string) => void;

/**
 * stdout and stderr handlers for preview2-shim's output streams. Bytes are counted before they
 * are decoded or forwarded, so a flood stops at the limit instead of growing the page's memory.
 */
export function createOutputCapture(maxBytes: number, maxLineBytes: number, emit: Emit) {
  let written = 0;
  let limitHit = false;
  // The end of stderr, where a guest says why it is about to trap.
  let stderrTail = '';
  const stream = (name: 'stdout' | 'stderr') => {
    const decoder = new TextDecoder();
    let lineBytes = 0;
    const fail = (message: string) => {
      limitHit = true;
      throw new OutputLimitError(message);
    };
    return {
      write(contents: Uint8Array) {
        written += contents.byteLength;
        if (written > maxBytes)
          fail(`The run wrote more than ${formatBytes(maxBytes)} to stdout and stderr.`);
        for (const byte of contents) {
          lineBytes = byte === 10 ? 0 : lineBytes + 1;
          if (lineBytes > maxLineBytes)
            fail(`The run wrote a line longer than ${formatBytes(maxLineBytes)} to ${name}.`);
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

function formatBytes(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / 1024 / 1024} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
