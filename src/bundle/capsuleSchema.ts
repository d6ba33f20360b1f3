// The astrid Capsule.toml manifest (astrid-capsule 0.1.1 and the later `[[component]]` form;
// shared/reference/skill-formats.md, section 3.1) as JSON Schema, for the parts the playground
// reads. `rule` names the diagnostic of each part. What the schema cannot say (file and
// entrypoint are one key under two names, the .wasm must be in the bundle, tool names are unique)
// is checked in capsuleManifest.ts.
import type { SchemaNode } from './schemaMessages';

export const CAPABILITIES = ['net', 'kv', 'fs_read', 'fs_write', 'host_process'];

const stringList: SchemaNode = {
  type: 'array',
  items: { type: 'string' },
  expected: 'a list of strings',
};

/** One component; a lone 0.1.1 `[component]` table is checked as a list of one. */
const component: SchemaNode = {
  type: 'object',
  expected: 'a table',
  properties: {
    id: { type: 'string', rule: 'capsule-component-field' },
    file: { type: 'string', expected: 'a path string', rule: 'capsule-component-file' },
    // The 0.1.1 name of `file`, which later versions keep as an alias.
    entrypoint: { type: 'string', expected: 'a path string', rule: 'capsule-component-file' },
    hash: { type: 'string', rule: 'capsule-component-field' },
    type: { enum: ['executable', 'library'], rule: 'capsule-component-type' },
    link: { ...stringList, expected: 'a list of component ids', rule: 'capsule-component-field' },
  },
};

const env: SchemaNode = {
  type: 'object',
  expected: 'a table such as { type = "secret", request = "..." }',
  required: ['type'],
  properties: {
    type: { enum: ['secret', 'string'] },
    request: { type: 'string', rule: 'capsule-env-field' },
    description: { type: 'string', rule: 'capsule-env-field' },
  },
};

const tool: SchemaNode = {
  type: 'object',
  expected: 'a table',
  required: ['name', 'description'],
  properties: {
    name: { type: 'string', rule: 'capsule-tool-name', examples: ['list_files'] },
    description: {
      type: 'string',
      rule: 'capsule-tool-description',
      examples: ['What the tool does, for the model to read'],
    },
    input_schema: {
      type: 'object',
      rule: 'capsule-tool-schema',
      expected: 'a JSON Schema table with type = "object"',
      required: ['type'],
      properties: { type: { const: 'object' } },
    },
  },
};

/** Sections astrid reads but the playground does not: known, so not flagged, and not checked. */
const unchecked: SchemaNode = {};

export const CAPSULE_SCHEMA: SchemaNode = {
  type: 'object',
  required: ['package'],
  // An unknown key is most likely a typo, but may be a section of a later astrid: a warning.
  additionalProperties: false,
  unknownRule: 'capsule-key-unknown',
  properties: {
    package: {
      type: 'object',
      rule: 'capsule-package-missing',
      expected: 'a [package] table with name and version',
      required: ['name', 'version'],
      properties: {
        name: { type: 'string', rule: 'capsule-package-name', examples: ['my-capsule'] },
        version: { type: 'string', rule: 'capsule-package-version', examples: ['0.1.0'] },
      },
    },
    component: {
      type: 'array',
      rule: 'capsule-component-shape',
      expected: 'a [component] table or a list of [[component]] tables',
      items: component,
    },
    dependencies: unchecked,
    capabilities: {
      type: 'object',
      rule: 'capsule-capabilities',
      expected: 'a table of lists of strings',
      // Other names are flagged but still read, as a newer astrid may grant them.
      propertyNames: { enum: CAPABILITIES },
      unknownRule: 'capsule-capability-unknown',
      additionalProperties: { ...stringList, examples: [['example.com']] },
    },
    env: {
      type: 'object',
      rule: 'capsule-env-type',
      expected: 'a table of [env.<KEY>] entries',
      additionalProperties: env,
    },
    context_file: unchecked,
    command: unchecked,
    mcp_server: unchecked,
    skill: unchecked,
    uplink: unchecked,
    llm_provider: unchecked,
    interceptor: unchecked,
    cron: unchecked,
    tool: {
      type: 'array',
      rule: 'capsule-tool-shape',
      expected: 'written as [[tool]] entries (double brackets)',
      items: tool,
    },
    publish: unchecked,
    subscribe: unchecked,
  },
};
