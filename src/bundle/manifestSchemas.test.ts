import Ajv from 'ajv';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as validators from '../generated/validators';
import { parseCapsuleManifest } from './capsuleManifest';
import { MANIFEST_SCHEMAS } from './manifestSchemas';
import { parseSkillSpec } from './parseSkillSpec';
import { skillSpecFromSkillMd } from './skillSpecFromSkillMd';

describe('the manifest validators generated ahead of time', () => {
  afterEach(() => vi.restoreAllMocks());

  it('are of the schemas in src (run `npm run validators` after changing one)', () => {
    for (const [name, schema] of Object.entries(MANIFEST_SCHEMAS)) {
      expect(validators.sources[name as keyof typeof MANIFEST_SCHEMAS], name).toBe(
        JSON.stringify(schema),
      );
    }
  });

  it('check manifests without compiling anything, so the page needs no eval', () => {
    const compile = vi.spyOn(Ajv.prototype, 'compile');
    const capsule = parseCapsuleManifest('[package]\nname = 3\n', new Set());
    expect(capsule.diagnostics.length).toBeGreaterThan(0);
    expect(parseSkillSpec('{"id": 3}').ok).toBe(false);
    expect(skillSpecFromSkillMd({ name: 'a', description: 3 }, '').problems.length).toBe(1);
    expect(compile).not.toHaveBeenCalled();
  });
});
