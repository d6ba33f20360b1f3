import { describe, expect, it } from 'vitest';
import { OutputBudget } from './outputBudget';
import { createOutputCapture, OutputLimitError } from './outputCapture';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('output capture', () => {
  it('forwards text and keeps the end of stderr', () => {
    const seen: string[] = [];
    const capture = createOutputCapture(new OutputBudget(1024), 100, (stream, text) =>
      seen.push(`${stream}:${text}`),
    );
    capture.stdout.write(bytes('hello\n'));
    capture.stderr.write(bytes('oops'));
    expect(seen).toEqual(['stdout:hello\n', 'stderr:oops']);
    expect(capture.stderrTail).toBe('oops');
    expect(capture.limitHit).toBe(false);
  });

  it('stops at the total limit before forwarding the excess', () => {
    const seen: string[] = [];
    const capture = createOutputCapture(new OutputBudget(10), 100, (_, text) => seen.push(text));
    capture.stdout.write(bytes('12345\n'));
    expect(() => capture.stderr.write(bytes('67890\n'))).toThrow(OutputLimitError);
    expect(() => capture.stderr.write(bytes('x'))).toThrow('more than 10 bytes');
    expect(seen).toEqual(['12345\n']);
    expect(capture.limitHit).toBe(true);
  });

  it('stops a line that grows past the line limit across writes', () => {
    const capture = createOutputCapture(new OutputBudget(1 << 20), 1024, () => {});
    capture.stdout.write(bytes(`${'a'.repeat(1000)}\n${'b'.repeat(600)}`));
    expect(() => capture.stdout.write(bytes('b'.repeat(600)))).toThrow(
      'a line longer than 1 KiB to stdout',
    );
  });

  it('shares the limit with the other channels of the run, and says so', () => {
    const budget = new OutputBudget(10);
    budget.spend('the return value of get-tools', { bytes: 6 });
    const capture = createOutputCapture(budget, 100, () => {});
    expect(() => capture.stdout.write(bytes('12345'))).toThrow(
      'The run wrote to stdout and stderr past its 10 bytes output limit, which its return values and files share.',
    );
  });
});
