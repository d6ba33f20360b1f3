// Extism's browser WASI (browser_wasi_shim) has no hook for a plugin's stdout and stderr: with
// its output enabled it hands each write to console.log and console.error. This worker runs one
// plugin call at a time, so for the length of a call those two are pointed at the run's streams,
// where the writes are counted against the output limit like any other run's.

interface Writer {
  write(contents: Uint8Array): void;
}

const encoder = new TextEncoder();

export async function withWasiOutput<T>(
  streams: { stdout: Writer; stderr: Writer },
  work: () => Promise<T>,
): Promise<T> {
  const target = globalThis.console;
  const { log, error } = target;
  const forward = (writer: Writer) => (text: unknown) =>
    writer.write(encoder.encode(typeof text === 'string' ? text : String(text)));
  target.log = forward(streams.stdout);
  target.error = forward(streams.stderr);
  try {
    return await work();
  } finally {
    target.log = log;
    target.error = error;
  }
}
