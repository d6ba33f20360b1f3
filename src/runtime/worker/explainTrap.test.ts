import { describe, expect, it } from 'vitest';
import { explainTrap } from './explainTrap';

describe('explainTrap', () => {
  it('puts the QuickJS exception message first', () => {
    const stderr = `thread '<unnamed>' (1) panicked at crates/runtime/src/interpreter.rs:51:31:
Failed to call 'executeTool': Exception(Exception { message: Some("unruly \\"trap\\""), stack: Some("at x") })`;
    expect(explainTrap('wasm trap: wasm `unreachable` instruction executed', stderr)).toBe(
      'The component trapped (wasm `unreachable` instruction executed): unruly "trap"',
    );
  });

  it('uses a Rust panic message when there is one', () => {
    expect(
      explainTrap(
        'unreachable',
        "thread 'main' panicked at src/lib.rs:3:5:\nindex out of bounds\n",
      ),
    ).toBe('The component trapped (unreachable): index out of bounds');
  });

  it('says only that it trapped when stderr says nothing', () => {
    expect(explainTrap('unreachable', '')).toBe('The component trapped (unreachable).');
  });
});
