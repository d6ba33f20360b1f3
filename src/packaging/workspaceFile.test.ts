import { strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { packWorkspace, unpackWorkspace, type WorkspaceContents } from './workspaceFile';
import { readWorkspaceManifest } from './workspaceFormat';

const contents: WorkspaceContents = {
  exportedAt: '2026-05-01T10:00:00.000Z',
  secretsIncluded: false,
  skills: [
    {
      source: { kind: 'folder', name: 'notes', path: '' },
      rootName: 'notes',
      name: 'notes',
      description: 'Takes notes.',
      files: new Map([
        ['SKILL.md', strToU8('---\nname: notes\n---\n')],
        ['skill.wasm', new Uint8Array([0, 97, 115, 109])],
      ]),
      edits: new Map([['SKILL.md', strToU8('---\nname: notes\n---\nEdited.\n')]]),
      workspace: new Map([['out/today.txt', strToU8('hello')]]),
      instance: {
        name: 'default',
        config: [{ key: 'UNITS', value: 'metric', secret: false }],
        withheldSecrets: ['API_TOKEN'],
        timeoutMs: 2000,
      },
      otherInstances: [
        {
          name: 'staging',
          config: [],
          withheldSecrets: [],
          workspace: new Map([['out/staging.txt', strToU8('staged')]]),
        },
        { name: 'empty', config: [], withheldSecrets: [] },
      ],
      drafts: { scale: { value: '4', strict: true } },
      selectedTool: 'scale',
      history: [{ tool: 'scale', status: 'ok', output: '8', stdout: '', stderr: '' }],
      keptHistory: '{"format":"skill-playground-history","version":1,"runs":[]}',
    },
    {
      source: { kind: 'example', id: 'data-tools' },
      rootName: 'data-tools',
      name: 'data-tools',
      description: '',
      history: [],
    },
  ],
};

/** A zip's entries as the archive reader gives them: path to bytes. */
const entriesOf = (zip: Uint8Array) => new Map(Object.entries(unzipSync(zip)));

describe('a workspace as one file', () => {
  it('gives back the skills, files, edits, /workspace, instances and history it was made of', () => {
    expect(unpackWorkspace(entriesOf(packWorkspace(contents)))).toEqual(contents);
  });

  it('keeps bytes as files in the zip, beside a readable manifest', () => {
    const entries = entriesOf(packWorkspace(contents));
    expect([...entries.keys()]).toContain('skill-playground-workspace/skills/0/files/skill.wasm');
    // Each other instance's /workspace has a folder of its own.
    expect([...entries.keys()]).toContain(
      'skill-playground-workspace/skills/0/instances/0/workspace/out/staging.txt',
    );
    const manifest = JSON.parse(
      new TextDecoder().decode(entries.get('skill-playground-workspace/workspace.json')),
    );
    expect(manifest).toMatchObject({ format: 'skill-playground-workspace', version: 1 });
  });

  it('refuses a file that is not a workspace, or that a newer version wrote', () => {
    expect(() => unpackWorkspace(new Map([['x/readme.txt', strToU8('hi')]]))).toThrow(
      /not a Skill Playground workspace file/,
    );
    expect(() =>
      readWorkspaceManifest({ format: 'skill-playground-workspace', version: 2, skills: [] }),
    ).toThrow(/newer Skill Playground/);
  });

  it('refuses a manifest whose fields are not what they should be, naming the field', () => {
    const base = { format: 'skill-playground-workspace', version: 1, exportedAt: 'x' };
    const skill = { rootName: 'a', name: 'a', description: '', history: [] };
    expect(() =>
      readWorkspaceManifest({
        ...base,
        secretsIncluded: false,
        skills: [{ ...skill, source: { kind: 'ftp' } }],
      }),
    ).toThrow(/source kind/);
    expect(() =>
      readWorkspaceManifest({
        ...base,
        secretsIncluded: false,
        skills: [{ ...skill, source: { kind: 'folder', name: 'a' }, files: '../../etc' }],
      }),
    ).toThrow(/files folder/);
    expect(() =>
      readWorkspaceManifest({
        ...base,
        secretsIncluded: false,
        skills: [
          { ...skill, source: { kind: 'folder', name: 'a' }, history: [{ status: 'done' }] },
        ],
      }),
    ).toThrow(/run/);
  });
});

describe('workspace file versions', () => {
  it('reads a version 1 manifest as it was written', () => {
    // Kept as version 1 wrote it: a later version must still read it.
    const v1 = {
      format: 'skill-playground-workspace',
      version: 1,
      exportedAt: '2026-05-01T10:00:00.000Z',
      secretsIncluded: true,
      skills: [
        {
          source: { kind: 'url', url: 'https://host.test/kit.zip' },
          rootName: 'kit',
          name: 'kit',
          description: 'A kit.',
          files: 'skills/0/files',
          instance: {
            name: 'default',
            config: [{ key: 'API_TOKEN', value: 'tok', secret: true }],
            withheldSecrets: [],
            grants: { read: true, write: false, hosts: ['api.host.test'] },
          },
          history: [
            { tool: 'run', status: 'error', output: '', stdout: '', stderr: 'boom', exitCode: 1 },
          ],
        },
      ],
    };
    expect(readWorkspaceManifest(v1)).toEqual(v1);
  });
});
