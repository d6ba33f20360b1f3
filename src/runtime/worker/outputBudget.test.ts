import { describe, expect, it } from 'vitest';
import { OutputBudget, OutputLimitError } from './outputBudget';

const MiB = 1024 * 1024;

describe('the run output budget', () => {
  it('names the channel and its size when one value alone is over the limit', () => {
    const budget = new OutputBudget(MiB);
    expect(() => budget.spend('the return value of execute-tool', { bytes: 8 * MiB })).toThrow(
      new OutputLimitError(
        "The return value of execute-tool is 8.0 MiB, over the run's 1 MiB output limit.",
      ),
    );
    expect(budget.limitHit).toBe(true);
  });

  it('counts every channel toward one limit', () => {
    const budget = new OutputBudget(MiB);
    budget.spendStream(600 * 1024);
    expect(() => budget.spend('what the run wrote to /workspace', { bytes: 600 * 1024 })).toThrow(
      'What the run wrote to /workspace is 600.0 KiB; with the 600.0 KiB the run had already sent, that is over its 1 MiB output limit.',
    );
  });

  it('says "more than" when counting stopped early', () => {
    const budget = new OutputBudget(1000);
    expect(() => budget.spend('the return value of f', { bytes: 1001, partial: true })).toThrow(
      "The return value of f is more than 1001 bytes, over the run's 1000 bytes output limit.",
    );
  });

  it('keeps the first overrun, for a guest that swallows the error', () => {
    const budget = new OutputBudget(4);
    expect(() => budget.spendStream(5)).toThrow(OutputLimitError);
    expect(() => budget.spend('the return value of f', { bytes: 9 })).toThrow();
    expect(budget.limitMessage).toBe('The run wrote more than 4 bytes to stdout and stderr.');
  });

  it('lets a run use its whole limit', () => {
    const budget = new OutputBudget(10);
    budget.spendStream(4);
    budget.spend('the return value of f', { bytes: 6 });
    expect(budget.limitHit).toBe(false);
    expect(budget.remaining).toBe(0);
  });
});
