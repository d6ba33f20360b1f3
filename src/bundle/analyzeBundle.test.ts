import { describe, expect, it } from 'vitest';
import { analyzeBundle, findWasmPath } from './analyzeBundle';
import type { Bundle } from './types';
import { wasmKind } from './wasmKind';

const enc = new TextEncoder();
const COMPONENT = new Uint8Array([0, 0x61, 0x73, 0x6d, 0x0d, 0, 1, 0]);
const CORE = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);

function bundle(files: Record<string, Uint8Array | string>, rootName = 'demo'): Bundle {
  return {
    rootName,
    source: { kind: 'folder', name: rootName, path: '' },
    files: new Map(
      Object.entries(files).map(([p, v]) => [p, typeof v === 'string' ? enc.encode(v) : v]),
    ),
  };
}

describe('wasmKind', () => {
  it('tells components, core modules and other files apart by their header', () => {
    expect(wasmKind(COMPONENT)).toBe('component');
    expect(wasmKind(CORE)).toBe('core-module');
    expect(wasmKind(enc.encode('hello, world'))).toBe('not-wasm');
    expect(wasmKind(new Uint8Array())).toBe('not-wasm');
  });
});

describe('analyzeBundle', () => {
  it('asks no SKILL.md of a .wasm on its own, picked or loaded from a URL, but does of a folder', () => {
    const lone = (source: Bundle['source']) =>
      analyzeBundle({ rootName: 'tool', source, files: new Map([['tool.wasm', COMPONENT]]) });
    const missing = (result: ReturnType<typeof analyzeBundle>) =>
      result.diagnostics.filter((d) => d.rule === 'skill-md-missing');
    expect(missing(lone({ kind: 'wasm', name: 'tool.wasm' }))).toEqual([]);
    expect(missing(lone({ kind: 'url', url: 'https://example.com/tool.wasm' }))).toEqual([]);
    expect(lone({ kind: 'url', url: 'https://example.com/tool.wasm' }).entry?.path).toBe(
      'tool.wasm',
    );
    expect(
      missing(analyzeBundle(bundle({ 'tool.wasm': COMPONENT, 'README.md': 'r' }))),
    ).toHaveLength(1);
    // A folder that carries skill.wasm runs as OpenSkills runs it: a warning, not an error.
    const openSkills = analyzeBundle(bundle({ 'skill.wasm': COMPONENT, 'README.md': 'r' }));
    expect(missing(openSkills)).toEqual([]);
    expect(openSkills.diagnostics).toMatchObject([
      { rule: 'skill-md-missing-wasm', severity: 'warning' },
    ]);
  });

  it('reads name and description and finds skill.wasm', () => {
    const result = analyzeBundle(
      bundle({
        'SKILL.md': '---\nname: demo\ndescription: A demo.\n---\nbody',
        'skill.wasm': COMPONENT,
      }),
    );
    expect(result).toMatchObject({ name: 'demo', description: 'A demo.', diagnostics: [] });
    expect(result.entry).toEqual({ path: 'skill.wasm', kind: 'component', size: 8 });
  });

  it('looks for the wasm where skill systems put it, in order', () => {
    const files = (paths: string[]) => new Map(paths.map((p) => [p, COMPONENT]));
    expect(findWasmPath(files(['wasm/skill.wasm', 'skill.wasm']))).toBe('skill.wasm');
    expect(findWasmPath(files(['wasm/skill.wasm', 'dist/skill.wasm']))).toBe('wasm/skill.wasm');
    expect(findWasmPath(files(['build/thing.wasm']))).toBe('build/thing.wasm');
    expect(findWasmPath(files(['a.wasm', 'b.wasm']))).toBeUndefined();
  });

  it('says a folder without SKILL.md is not a skill folder, and keeps the folder name', () => {
    const result = analyzeBundle(bundle({ 'README.md': 'r', 'bin/tool.wasm': COMPONENT }));
    expect(result.name).toBe('demo');
    expect(result.diagnostics.map((d) => [d.rule, d.severity])).toEqual([
      ['skill-md-missing', 'error'],
    ]);
  });

  it('only warns of a missing SKILL.md where OpenSkills would run the folder’s wasm', () => {
    for (const path of ['skill.wasm', 'wasm/skill.wasm']) {
      const result = analyzeBundle(bundle({ [path]: COMPONENT }, 'hello'));
      expect(result.name).toBe('hello');
      expect(result.entry?.path).toBe(path);
      expect(result.diagnostics).toEqual([
        {
          file: 'SKILL.md',
          rule: 'skill-md-missing-wasm',
          severity: 'warning',
          message: `"hello" has no SKILL.md: it is named by its folder and runs ${path}, as OpenSkills does; Agent Skills systems need a SKILL.md with name and description.`,
        },
      ]);
    }
  });

  it('says when skill.wasm is not WebAssembly at all', () => {
    const result = analyzeBundle(
      bundle({ 'SKILL.md': '---\nname: demo\ndescription: d\n---\n', 'skill.wasm': 'not wasm' }),
    );
    expect(result.entry?.kind).toBe('not-wasm');
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['wasm-invalid']);
  });

  it('still finds the component when SKILL.md is broken', () => {
    const result = analyzeBundle(bundle({ 'SKILL.md': 'no frontmatter', 'skill.wasm': COMPONENT }));
    expect(result.entry?.kind).toBe('component');
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['frontmatter-missing']);
  });
});

describe('capsules', () => {
  it('reads Capsule.toml: its name, its findings, and its component as the entry', () => {
    const capsule = bundle(
      {
        'Capsule.toml':
          '[package]\nname = "agent"\nversion = "1.0.0"\ndescription = "A capsule."\n\n[component]\nentrypoint = "bin/agent.wasm"\n\n[capabilities]\nnetwork = ["x"]\n',
        'bin/agent.wasm': CORE,
        'other.wasm': CORE,
      },
      'agent',
    );
    const analysis = analyzeBundle(capsule);
    expect(analysis).toMatchObject({ name: 'agent', description: 'A capsule.' });
    expect(analysis.entry?.path).toBe('bin/agent.wasm');
    expect(analysis.capsule?.components).toEqual([{ file: 'bin/agent.wasm' }]);
    expect(analysis.diagnostics.map((d) => [d.rule, d.severity])).toEqual([
      ['capsule-capability-unknown', 'warning'],
      ['capsule-no-skill-md', 'info'],
    ]);
  });
});

describe('analyzeBundle with a hostile SKILL.md', () => {
  it('gives a billion-laughs SKILL.md a finding of its own and keeps the folder name', () => {
    const anchors = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++)
      anchors.push(
        `l${i}: &l${i} [${Array(10)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      );
    const skill = analyzeBundle(
      bundle(
        { 'SKILL.md': ['---', 'name: laughs', ...anchors, '---', 'Body'].join('\n') },
        'laughs',
      ),
    );
    expect(skill.name).toBe('laughs');
    expect(skill.skillMd?.frontmatter).toBeNull();
    expect(skill.diagnostics.map((d) => d.rule)).toContain('yaml-alias-limit');
  });
});
