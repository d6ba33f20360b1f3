import { beforeEach, describe, expect, it } from 'vitest';
import { parseSkillMd } from '../bundle';
import { initialState, usePlayground } from './playgroundStore';
import { getInstructions, renderSkillInstructions, setInstructionValue } from './toolForms';

const review = parseSkillMd(
  '---\nname: review\ndescription: d\narguments:\n  - name: file\n    required: true\n---\nReview ${file}.\n',
);
const explain = parseSkillMd('---\nname: explain\ndescription: d\n---\nExplain $ARGUMENTS.\n');

describe('the instructions form of the store', () => {
  beforeEach(() => usePlayground.setState(initialState(), true));

  it("keeps each skill's arguments and rendered text apart", () => {
    setInstructionValue('folder:review', 'file', 'main.rs');
    renderSkillInstructions('folder:review', review);
    expect(getInstructions('folder:explain')).toEqual({ values: {}, missing: [], rendered: null });

    setInstructionValue('folder:explain', 'arguments', 'monads');
    renderSkillInstructions('folder:explain', explain);
    expect(getInstructions('folder:review').rendered).toBe('Review main.rs.');
    expect(getInstructions('folder:explain')).toEqual({
      values: { arguments: 'monads' },
      missing: [],
      rendered: 'Explain monads.',
    });
  });

  it('marks required arguments left empty and keeps the last rendered text', () => {
    renderSkillInstructions('folder:review', review);
    expect(getInstructions('folder:review')).toEqual({
      values: {},
      missing: ['file'],
      rendered: null,
    });
    setInstructionValue('folder:review', 'file', 'a.c');
    renderSkillInstructions('folder:review', review);
    setInstructionValue('folder:review', 'file', ' ');
    renderSkillInstructions('folder:review', review);
    expect(getInstructions('folder:review')).toMatchObject({
      missing: ['file'],
      rendered: 'Review a.c.',
    });
  });
});
