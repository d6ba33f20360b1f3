type Stream = 'stdout' | 'stderr';

/**
 * Hands a run's output to the store at most every 50 ms: a command that floods stdout sends
 * thousands of chunks, and re-rendering for each would stall the page.
 */
export class OutputBuffer {
  #pending = { stdout: '', stderr: '' };
  #timer: ReturnType<typeof setTimeout> | undefined;
  #deliver: (stream: Stream, text: string) => void;

  constructor(deliver: (stream: Stream, text: string) => void) {
    this.#deliver = deliver;
  }

  push(stream: Stream, text: string): void {
    this.#pending[stream] += text;
    this.#timer ??= setTimeout(() => this.flush(), OUTPUT_FLUSH_MS);
  }

  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.#pending[stream]) this.#deliver(stream, this.#pending[stream]);
      this.#pending[stream] = '';
    }
  }
}

const OUTPUT_FLUSH_MS = 50;
