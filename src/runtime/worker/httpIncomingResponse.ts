/**
 * wasi:http's response side: `future-incoming-response`, `incoming-response`, `incoming-body`
 * and `future-trailers`, made fresh for each instance. The body is already in memory (read
 * under the cap before the guest sees the response), so its stream never waits.
 */
import type { Fields, FieldsKit } from './httpFields';
import type { HeaderEntry, IoFactories, Outcome } from './httpTypes';

export type IncomingKit = ReturnType<typeof makeIncoming>;
export type FutureIncomingResponse = InstanceType<IncomingKit['FutureIncomingResponse']>;
export type IncomingResponse = InstanceType<IncomingKit['IncomingResponse']>;

// jco disposes of a dropped resource through this symbol (Symbol.for('dispose') where the
// engine has no Symbol.dispose).
const symbolDispose: symbol = (Symbol as { dispose?: symbol }).dispose ?? Symbol.for('dispose');

/**
 * The classes, with `startFuture` (a future for a request being sent, and how to abort it) and
 * `makeResponse` (the response the future resolves to).
 */
export function makeIncoming(io: IoFactories, { Fields, lockFields }: FieldsKit) {
  // Module-private access to the resources' state, set in their static blocks.
  let startFuture!: (sent: Promise<Outcome>, abort: () => void) => FutureIncomingResponse;
  let makeResponse!: (status: number, headers: HeaderEntry[], body: Uint8Array) => IncomingResponse;

  class FutureTrailers {
    #taken = false;
    subscribe() {
      return io.pollableCreate();
    }
    /** option<result<result<option<trailers>, error-code>>>: none, once, then the error case. */
    get() {
      if (this.#taken) return { tag: 'err', val: undefined };
      this.#taken = true;
      return { tag: 'ok', val: { tag: 'ok', val: undefined } };
    }
  }

  class IncomingBody {
    #stream: unknown;
    constructor(bytes: Uint8Array) {
      let offset = 0;
      const read = (len: bigint) => {
        if (offset >= bytes.length) throw { tag: 'closed' };
        const end = Math.min(bytes.length, offset + Number(len));
        const chunk = bytes.slice(offset, end);
        offset = end;
        return chunk;
      };
      this.#stream = io.inputStreamCreate({
        read,
        blockingRead: read,
        subscribe: () => io.pollableCreate(),
      });
    }
    stream(): unknown {
      if (this.#stream === undefined) throw undefined;
      const stream = this.#stream;
      this.#stream = undefined;
      return stream;
    }
    static finish(_body: IncomingBody): FutureTrailers {
      return new FutureTrailers();
    }
  }

  class IncomingResponse {
    #status = 0;
    #headers = new Fields();
    #body?: IncomingBody;

    static {
      makeResponse = (status, headers, body) => {
        const response = new IncomingResponse();
        response.#status = status;
        response.#headers = lockFields(Fields.fromList(headers));
        response.#body = new IncomingBody(body);
        return response;
      };
    }

    status(): number {
      return this.#status;
    }
    headers(): Fields {
      return this.#headers;
    }
    consume(): IncomingBody {
      if (!this.#body) throw undefined;
      const body = this.#body;
      this.#body = undefined;
      return body;
    }
  }

  class FutureIncomingResponse {
    #outcome?: Outcome;
    #taken = false;
    #sent: Promise<unknown> = Promise.resolve();
    #abort: () => void = () => {};

    static {
      startFuture = (sent, abort) => {
        const future = new FutureIncomingResponse();
        future.#abort = abort;
        future.#sent = sent.then((outcome) => {
          future.#outcome = outcome;
        });
        return future;
      };
    }

    subscribe(): unknown {
      return io.pollableCreate(this.#outcome ? undefined : this.#sent);
    }

    /** option<result<result<incoming-response, error-code>>>. */
    get() {
      if (!this.#outcome) return undefined;
      if (this.#taken) return { tag: 'err', val: undefined };
      this.#taken = true;
      return { tag: 'ok', val: this.#outcome };
    }

    [symbolDispose](): void {
      // Dropped before the response came: nobody will read it.
      if (!this.#outcome) this.#abort();
    }
  }

  return {
    FutureTrailers,
    IncomingBody,
    IncomingResponse,
    FutureIncomingResponse,
    startFuture,
    makeResponse,
  };
}
