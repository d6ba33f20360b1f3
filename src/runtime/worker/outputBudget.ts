/** Raised when a run's output goes over its limit; the run ends with OutputLimit. */
export class OutputLimitError extends Error {
  readonly code = 'OutputLimit';
}

/** A size as counted: exact, or a lower bound when counting stopped early. */
export interface CountedBytes {
  bytes: number;
  /** Counting stopped once the size was known to be over what was left: `bytes` is a floor. */
  partial?: boolean;
}

/**
 * The run's one output limit, shared by every channel that reaches the page: stdout and stderr,
 * the values its calls return, the files it writes to /workspace and its log lines. Each channel
 * counts here, in the worker, before anything is posted, so an oversized run is refused before
 * its bytes are copied to the page.
 */
export class OutputBudget {
  readonly maxBytes: number;
  #used = 0;
  #streamBytes = 0;
  #message: string | undefined;

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }

  /** Bytes counted so far, over all channels. */
  get used(): number {
    return this.#used;
  }

  get limitHit(): boolean {
    return this.#message !== undefined;
  }

  /** The sentence of the first overrun, kept for when the guest swallows the error it got. */
  get limitMessage(): string | undefined {
    return this.#message;
  }

  /** What is left before the limit: a channel need count no further than this plus one. */
  get remaining(): number {
    return Math.max(0, this.maxBytes - this.#used);
  }

  /**
   * Counts what a channel sends, named as a person reads it ("the return value of get-tools");
   * throws an OutputLimitError that says which channel went over and by how much.
   */
  spend(channel: string, counted: CountedBytes): void {
    const before = this.#used;
    this.#used += counted.bytes;
    if (counted.partial !== true && this.#used <= this.maxBytes) return;
    const size = `${counted.partial ? 'more than ' : ''}${formatSize(counted.bytes)}`;
    const limit = formatLimit(this.maxBytes);
    this.fail(
      before === 0 || counted.bytes > this.maxBytes
        ? `${capitalise(channel)} is ${size}, over the run's ${limit} output limit.`
        : `${capitalise(channel)} is ${size}; with the ${formatSize(before)} the run had ` +
            `already sent, that is over its ${limit} output limit.`,
    );
  }

  /** Counts stream bytes, which arrive in small writes, with a sentence of their own. */
  spendStream(bytes: number): void {
    this.#used += bytes;
    this.#streamBytes += bytes;
    if (this.#used <= this.maxBytes) return;
    const limit = formatLimit(this.maxBytes);
    this.fail(
      this.#streamBytes === this.#used
        ? `The run wrote more than ${limit} to stdout and stderr.`
        : `The run wrote to stdout and stderr past its ${limit} output limit, which its ` +
            'return values and files share.',
    );
  }

  fail(message: string): never {
    this.#message ??= message;
    throw new OutputLimitError(message);
  }
}

/** A limit as it was set: `1 MiB`, `64 KiB`, `1000 bytes`. */
export function formatLimit(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / 1024 / 1024} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** A measured size, to one decimal: `8.0 MiB`, `600.0 KiB`, `12 bytes`. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
