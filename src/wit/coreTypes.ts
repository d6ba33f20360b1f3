import type { BinaryReader } from './binaryReader';
import { MAX_NESTING } from './scope';

// Core types inside component and instance types: the playground never follows them, so they
// are only skipped, byte by byte, as the core binary format lays them out.

export function skipCoreType(r: BinaryReader, depth = 0): void {
  if (depth > MAX_NESTING) r.fail(`Core module types nest more than ${MAX_NESTING} levels deep`);
  const form = r.byte();
  if (form === 0x60) {
    r.vec(() => skipCoreValType(r));
    r.vec(() => skipCoreValType(r));
  } else if (form === 0x50) {
    r.vec(() => {
      const declaration = r.byte();
      if (declaration === 0x00) {
        r.name();
        r.name();
        skipCoreImportDesc(r);
      } else if (declaration === 0x01) skipCoreType(r, depth + 1);
      else if (declaration === 0x02) {
        r.byte();
        r.byte();
        r.u32();
        r.u32();
      } else if (declaration === 0x03) {
        r.name();
        skipCoreImportDesc(r);
      } else r.fail(`Unknown module type declaration 0x${declaration.toString(16)}`);
    });
  } else r.fail(`Unknown core type 0x${form.toString(16)}`);
}

function skipCoreValType(r: BinaryReader): void {
  const code = r.byte();
  if (code === 0x64 || code === 0x63) r.s33();
}

function skipCoreImportDesc(r: BinaryReader): void {
  const kind = r.byte();
  const limits = () => {
    const flags = r.byte();
    r.s33();
    if (flags & 0x01) r.s33();
  };
  if (kind === 0x00) r.u32();
  else if (kind === 0x01) {
    skipCoreValType(r);
    limits();
  } else if (kind === 0x02) limits();
  else if (kind === 0x03) {
    skipCoreValType(r);
    r.byte();
  } else if (kind === 0x04) {
    r.byte();
    r.u32();
  } else r.fail(`Unknown core import 0x${kind.toString(16)}`);
}
