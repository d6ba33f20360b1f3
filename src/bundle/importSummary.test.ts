import { describe, expect, it } from 'vitest';
import type { Found, FoundSkill, SkippedItem } from './findSkills';
import { summarizeImport } from './importSummary';

const skill = { rootName: 's' } as FoundSkill;
const found = (over: Partial<Found>): Found => ({
  skills: [],
  searched: ['anthropics-skills'],
  skipped: [],
  problems: [],
  ...over,
});
const skipped = (path: string, reason: SkippedItem['reason'], where = 'anthropics-skills') => ({
  in: where,
  path,
  reason,
});

describe('summarizeImport', () => {
  it('says in one line what was found and what was skipped, and lists each skip', () => {
    const summary = summarizeImport(
      found({
        skills: Array.from({ length: 17 }, () => skill),
        skipped: [
          skipped('scripts/', 'no-skill'),
          skipped('docs/', 'no-skill'),
          skipped('.github/', 'no-skill'),
        ],
      }),
    );
    expect(summary).toEqual({
      message:
        '17 skills found in anthropics-skills; skipped: 3 folders without a skill (scripts/, docs/, .github/).',
      tone: 'info',
      details: [
        'scripts/: no SKILL.md (nor skill.wasm) in it',
        'docs/: no SKILL.md (nor skill.wasm) in it',
        '.github/: no SKILL.md (nor skill.wasm) in it',
      ],
    });
  });

  it('shows a few names in the line and every one in the list', () => {
    const files = ['README.md', 'LICENSE', 'CONTRIBUTING.md', 'Makefile'];
    const summary = summarizeImport(
      found({
        skills: [skill],
        skipped: [...files.map((f) => skipped(f, 'outside')), skipped('.git/', 'not-searched')],
      }),
    );
    expect(summary.message).toBe(
      '1 skill found in anthropics-skills; skipped: 4 files outside any skill (README.md, LICENSE, CONTRIBUTING.md, …), 1 folder not searched (.git/).',
    );
    expect(summary.details).toHaveLength(5);
  });

  it('says which skills replaced the copy opened before from the same place', () => {
    expect(summarizeImport(found({ skills: [skill, skill] }), ['pdf']).message).toBe(
      '2 skills found in anthropics-skills; pdf was opened before from the same place and is updated.',
    );
  });

  it('says so when nothing is found, as an error, with what was refused', () => {
    expect(
      summarizeImport(
        found({ searched: ['stuff'], skipped: [skipped('notes/', 'no-skill', 'stuff')] }),
      ),
    ).toMatchObject({
      message:
        'No skill found in stuff; skipped: 1 folder without a skill (notes/). A skill is a folder with a SKILL.md.',
      tone: 'error',
    });
    expect(
      summarizeImport(found({ searched: ['bad.zip'], problems: ['bad.zip was refused: x.'] })),
    ).toMatchObject({
      message: 'No skill found in bad.zip. bad.zip was refused: x.',
      tone: 'error',
    });
  });

  it('names where each skip was when several folders or archives were handed over', () => {
    const summary = summarizeImport(
      found({
        skills: [skill],
        searched: ['a', 'b.zip'],
        skipped: [skipped('docs/', 'no-skill', 'a'), skipped('', 'not-searched', 'node_modules')],
      }),
    );
    expect(summary.message).toBe(
      '1 skill found in a and b.zip; skipped: 1 folder without a skill (a: docs/), 1 folder not searched (node_modules/).',
    );
  });

  it('ends a very long list with a count of the rest', () => {
    const many = Array.from({ length: 350 }, (_, i) => skipped(`f${i}.txt`, 'outside'));
    const { details } = summarizeImport(found({ skills: [skill], skipped: many }));
    expect(details).toHaveLength(301);
    expect(details.at(-1)).toBe('… and 50 more');
  });
});
