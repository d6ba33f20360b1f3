/** wasi:http's `fields` resource (headers and trailers), made fresh for each instance. */
import { FORBIDDEN_HEADERS, isFieldValue, TOKEN } from './httpSyntax';
import type { HeaderEntry } from './httpTypes';

export type FieldsKit = ReturnType<typeof makeFields>;
export type Fields = InstanceType<FieldsKit['Fields']>;

/** The class, and `lockFields` to make one immutable (a request's or response's headers). */
export function makeFields() {
  // Module-private access to the resource's state, set in its static block.
  let lockFields!: (fields: Fields) => Fields;

  class Fields {
    #entries: HeaderEntry[] = [];
    #immutable = false;

    static {
      lockFields = (fields) => {
        fields.#immutable = true;
        return fields;
      };
    }

    static fromList(entries: HeaderEntry[]): Fields {
      const fields = new Fields();
      for (const [name, value] of entries) fields.append(name, value);
      return fields;
    }

    get(name: string): Uint8Array[] {
      const key = name.toLowerCase();
      return this.#entries.filter(([n]) => n.toLowerCase() === key).map(([, v]) => v.slice());
    }

    has(name: string): boolean {
      const key = name.toLowerCase();
      return this.#entries.some(([n]) => n.toLowerCase() === key);
    }

    set(name: string, values: Uint8Array[]): void {
      this.#check(name, values);
      this.#remove(name);
      for (const value of values) this.#entries.push([name, value.slice()]);
    }

    delete(name: string): void {
      this.#check(name, []);
      this.#remove(name);
    }

    append(name: string, value: Uint8Array): void {
      this.#check(name, [value]);
      this.#entries.push([name, value.slice()]);
    }

    entries(): HeaderEntry[] {
      return this.#entries.map(([n, v]) => [n, v.slice()]);
    }

    clone(): Fields {
      const fields = new Fields();
      fields.#entries = this.entries();
      return fields;
    }

    #check(name: string, values: Uint8Array[]): void {
      if (this.#immutable) throw { tag: 'immutable' };
      if (!TOKEN.test(name) || !values.every(isFieldValue)) throw { tag: 'invalid-syntax' };
      if (FORBIDDEN_HEADERS.has(name.toLowerCase())) throw { tag: 'forbidden' };
    }

    #remove(name: string): void {
      const key = name.toLowerCase();
      this.#entries = this.#entries.filter(([n]) => n.toLowerCase() !== key);
    }
  }

  return { Fields, lockFields };
}
