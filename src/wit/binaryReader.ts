/** Thrown for bytes that do not follow the binary format, with the offset where it went wrong. */
export class DecodeError extends Error {
  constructor(message: string, offset: number) {
    super(`${message} (at byte ${offset})`);
    this.name = 'DecodeError';
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A cursor over WebAssembly binary encodings: LEB128 integers, names, vectors. */
export class BinaryReader {
  constructor(
    private readonly bytes: Uint8Array,
    public offset = 0,
    public readonly end = bytes.length,
  ) {}

  get done(): boolean {
    return this.offset >= this.end;
  }

  fail(message: string): never {
    throw new DecodeError(message, this.offset);
  }

  byte(): number {
    if (this.offset >= this.end) this.fail('Unexpected end of the component');
    return this.bytes[this.offset++]!;
  }

  peek(): number {
    if (this.offset >= this.end) this.fail('Unexpected end of the component');
    return this.bytes[this.offset]!;
  }

  u32(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) break;
      shift += 7;
      if (shift > 28) this.fail('An integer is too long');
    }
    return result;
  }

  /** A signed LEB128 of up to 33 bits: value types are negative, type indices are not. */
  s33(): number {
    let result = 0;
    let shift = 0;
    let b: number;
    do {
      b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (shift > 35) this.fail('An integer is too long');
    } while (b & 0x80);
    if (b & 0x40) result -= 2 ** shift;
    return result;
  }

  /** How many bytes are left before the end of this reader. */
  get left(): number {
    return this.end - this.offset;
  }

  name(): string {
    const length = this.u32();
    if (length > this.left) this.fail('A name runs past its section');
    let text: string;
    try {
      text = utf8.decode(this.bytes.subarray(this.offset, this.offset + length));
    } catch {
      this.fail('A name is not valid UTF-8');
    }
    this.offset += length;
    return text;
  }

  /**
   * A vector. Every item takes at least one byte, so a count larger than what is left is refused
   * before anything is read: a malformed count cannot make the loop spin or the list grow.
   */
  vec<T>(read: () => T): T[] {
    const count = this.u32();
    if (count > this.left) this.fail(`A list of ${count} items runs past its section`);
    const items: T[] = [];
    for (let i = 0; i < count; i++) items.push(read());
    return items;
  }

  /** The next `length` bytes, which this reader skips. */
  take(length: number): Uint8Array {
    if (length > this.left) this.fail('A field runs past its section');
    this.offset += length;
    return this.bytes.subarray(this.offset - length, this.offset);
  }

  /** A reader over the next `length` bytes, which this one skips. */
  sub(length: number): BinaryReader {
    if (length > this.left) this.fail('A section runs past the end');
    const reader = new BinaryReader(this.bytes, this.offset, this.offset + length);
    this.offset += length;
    return reader;
  }
}
