// The browser gives a worker no memory cap of its own: an uncapped wasm memory can grow to
// 4 GiB in milliseconds. A declared maximum does hold, so before any core module is compiled
// every memory it defines or imports gets a maximum no larger than the run's limit.

import { InvalidComponentError } from './invalidComponentError';

export const PAGE_BYTES = 64 * 1024;

export class MemoryLimitError extends Error {
  readonly code = 'MemoryLimit';
}

interface Limits {
  flags: number;
  initial: bigint;
  maximum?: bigint;
}

/**
 * Returns the module with every memory's maximum set to at most `maxPages` (64 KiB pages).
 * A memory whose initial size is already over the limit cannot run: that throws
 * MemoryLimitError with a sentence. The module's other bytes are copied unchanged.
 */
export function capMemories(module: Uint8Array, maxPages: number): Uint8Array {
  if (module.length < 8)
    throw new InvalidComponentError('A core module of the component is not WebAssembly.');
  // Sections are kept as views and copied once at the end: a QuickJS component's core module is
  // megabytes of code and data, of which only the import and memory sections change.
  const parts: Uint8Array[] = [module.subarray(0, 8)];
  let offset = 8;
  let changed = false;
  while (offset < module.length) {
    const id = module[offset]!;
    const [size, sizeLen] = readU32(module, offset + 1);
    const start = offset + 1 + sizeLen;
    const body = module.subarray(start, start + size);
    let newBody: Uint8Array = body;
    if (id === 5) newBody = rewriteMemorySection(body, maxPages);
    else if (id === 2) newBody = rewriteImportSection(body, maxPages);
    if (newBody !== body) changed = true;
    parts.push(Uint8Array.from([id, ...writeU32(newBody.length)]), newBody);
    offset = start + size;
  }
  return changed ? concat(parts) : module;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function rewriteMemorySection(body: Uint8Array, maxPages: number): Uint8Array {
  const [count, countLen] = readU32(body, 0);
  let offset = countLen;
  const out = [...writeU32(count)];
  for (let i = 0; i < count; i++) {
    const [limits, len] = readLimits(body, offset);
    out.push(...writeLimits(capped(limits, maxPages)));
    offset += len;
  }
  return Uint8Array.from(out);
}

function rewriteImportSection(body: Uint8Array, maxPages: number): Uint8Array {
  const [count, countLen] = readU32(body, 0);
  let offset = countLen;
  const out = [...writeU32(count)];
  let changed = false;
  for (let i = 0; i < count; i++) {
    const nameStart = offset;
    offset = skipName(body, skipName(body, offset));
    out.push(...body.subarray(nameStart, offset));
    const kind = body[offset]!;
    out.push(kind);
    offset += 1;
    switch (kind) {
      case 0x00: {
        // function: type index
        const [, len] = readU32(body, offset);
        out.push(...body.subarray(offset, offset + len));
        offset += len;
        break;
      }
      case 0x01: {
        // table: reftype then limits
        const [, len] = readLimits(body, offset + 1);
        out.push(...body.subarray(offset, offset + 1 + len));
        offset += 1 + len;
        break;
      }
      case 0x02: {
        const [limits, len] = readLimits(body, offset);
        out.push(...writeLimits(capped(limits, maxPages)));
        offset += len;
        changed = true;
        break;
      }
      case 0x03: {
        // global: valtype, mutability
        out.push(body[offset]!, body[offset + 1]!);
        offset += 2;
        break;
      }
      case 0x04: {
        // tag: attribute, type index
        const [, len] = readU32(body, offset + 1);
        out.push(...body.subarray(offset, offset + 1 + len));
        offset += 1 + len;
        break;
      }
      default:
        throw new InvalidComponentError(
          `Unknown import kind 0x${kind.toString(16)} in a core module.`,
        );
    }
  }
  return changed ? Uint8Array.from(out) : body;
}

function capped(limits: Limits, maxPages: number): Limits {
  const cap = BigInt(maxPages);
  if (limits.initial > cap) {
    const mib = (Number(limits.initial) * PAGE_BYTES) / 1024 / 1024;
    throw new MemoryLimitError(
      `The component starts with ${mib} MiB of memory; the limit is ${(maxPages * PAGE_BYTES) / 1024 / 1024} MiB.`,
    );
  }
  const maximum = limits.maximum === undefined || limits.maximum > cap ? cap : limits.maximum;
  return { flags: limits.flags | 0x01, initial: limits.initial, maximum };
}

function readLimits(bytes: Uint8Array, offset: number): [Limits, number] {
  const flags = bytes[offset]!;
  let pos = offset + 1;
  const [initial, initialLen] = readU64(bytes, pos);
  pos += initialLen;
  let maximum: bigint | undefined;
  if (flags & 0x01) {
    const [max, maxLen] = readU64(bytes, pos);
    maximum = max;
    pos += maxLen;
  }
  return [{ flags, initial, maximum }, pos - offset];
}

function writeLimits(limits: Limits): number[] {
  const out = [limits.flags, ...writeU64(limits.initial)];
  if (limits.maximum !== undefined) out.push(...writeU64(limits.maximum));
  return out;
}

function skipName(bytes: Uint8Array, offset: number): number {
  const [len, lenLen] = readU32(bytes, offset);
  return offset + lenLen + len;
}

function readU32(bytes: Uint8Array, offset: number): [number, number] {
  const [value, len] = readU64(bytes, offset);
  return [Number(value), len];
}

function readU64(bytes: Uint8Array, offset: number): [bigint, number] {
  let result = 0n;
  let shift = 0n;
  let pos = offset;
  for (;;) {
    const byte = bytes[pos];
    if (byte === undefined)
      throw new InvalidComponentError(
        'A core module of the component is truncated (a LEB128 number runs past its end).',
      );
    pos += 1;
    result |= BigInt(byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return [result, pos - offset];
    shift += 7n;
  }
}

function writeU32(value: number): number[] {
  return writeU64(BigInt(value));
}

function writeU64(value: bigint): number[] {
  const out: number[] = [];
  let rest = value;
  do {
    let byte = Number(rest & 0x7fn);
    rest >>= 7n;
    if (rest !== 0n) byte |= 0x80;
    out.push(byte);
  } while (rest !== 0n);
  return out;
}
