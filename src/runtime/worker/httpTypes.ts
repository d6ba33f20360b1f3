/** Shapes shared by the wasi:http client's modules, as jco passes them across the boundary. */

export interface StreamHandler {
  read?(len: bigint): Uint8Array;
  blockingRead?(len: bigint): Uint8Array;
  write?(bytes: Uint8Array): void;
  blockingFlush?(): void;
  flush?(): void;
  subscribe?(): unknown;
}

/** preview2-shim's factories for wasi:io streams and pollables. */
export interface IoFactories {
  inputStreamCreate(handler: StreamHandler): unknown;
  outputStreamCreate(handler: StreamHandler): unknown;
  /** A pollable ready when the promise settles; without one, ready at once. */
  pollableCreate(source?: Promise<unknown>): unknown;
}

/** wasi:http's error-code: `{ tag }` or `{ tag, val }`, thrown or returned as jco expects. */
export interface HttpErrorCode {
  tag: string;
  val?: unknown;
}

export type Method = { tag: string; val?: string };
export type Scheme = { tag: 'HTTP' | 'HTTPS' | 'other'; val?: string };
export type HeaderEntry = [name: string, value: Uint8Array];
export type Outcome = { tag: 'ok'; val: unknown } | { tag: 'err'; val: HttpErrorCode };
