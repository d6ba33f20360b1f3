import { describe, expect, it } from 'vitest';
import { argumentsOf, renderInstructions } from './instructions';

describe('argumentsOf', () => {
  it('reads awaken lists, Claude Code strings, and argument-hint names', () => {
    expect(
      argumentsOf({
        arguments: [{ name: 'order', description: 'Order id', required: true }, { nope: 1 }],
      }),
    ).toEqual([{ name: 'order', description: 'Order id', required: true }]);
    expect(argumentsOf({ arguments: 'file  mode' }).map((a) => a.name)).toEqual(['file', 'mode']);
    expect(argumentsOf({ 'argument-hint': '[file] <mode>' }).map((a) => a.name)).toEqual([
      'file',
      'mode',
    ]);
    expect(argumentsOf({ name: 'x' })).toEqual([]);
  });
});

describe('renderInstructions', () => {
  const args = [
    { name: 'file', value: 'report.pdf' },
    { name: 'mode', value: 'fast' },
  ];

  it('fills $ARGUMENTS, $ARGUMENTS[N], $N and ${name}', () => {
    expect(
      renderInstructions('Read $ARGUMENTS[0] in ${mode} mode ($1). All: $ARGUMENTS.', args),
    ).toBe('Read report.pdf in fast mode (fast). All: report.pdf fast.');
  });

  it('leaves what it cannot fill as written', () => {
    expect(renderInstructions('$ARGUMENTS[5] ${missing} $9 costs $ 5', args)).toBe(
      '$ARGUMENTS[5] ${missing} $9 costs $ 5',
    );
  });
});
