// The fixed JSON Schemas the playground checks manifests against, and how Ajv reads them.
// scripts/validators.mjs compiles each one ahead of time into src/generated/validators.js
// (Ajv's standalone code): nothing is compiled in the page, so its Content-Security-Policy needs
// no 'unsafe-eval'. It runs before dev, build and the tests; after changing a schema, run it
// again (`npm run validators`); a unit test fails while the generated code is older.
import { CAPSULE_SCHEMA } from './capsuleSchema';
import { SKILL_FRONTMATTER_SCHEMA, SKILL_SPEC_SCHEMA } from './skillSpecSchema';

export const MANIFEST_SCHEMAS = {
  capsule: CAPSULE_SCHEMA,
  skillSpec: SKILL_SPEC_SCHEMA,
  skillFrontmatter: SKILL_FRONTMATTER_SCHEMA,
};

/** Keywords of our own in these schemas, read by the messages (schemaMessages.ts), not by Ajv. */
export const SCHEMA_ANNOTATIONS = ['expected', 'hints', 'rule', 'unknownRule'];

/** Draft-07 Ajv: every error at once, unknown keywords refused, `type: [..]` allowed. */
export const MANIFEST_AJV_OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true };
