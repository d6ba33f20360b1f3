import { CAPSULE_FILE, parseCapsuleManifest, type CapsuleManifest } from './capsuleManifest';
import { parseSkillMd, type SkillMd } from './skillMd';
import {
  checkFrontmatterKeys,
  compatibility,
  type Compatibility,
  type ValidationMode,
} from './skillMdRules';
import type { Bundle, Diagnostic } from './types';
import { validateFrontmatter } from './validateFrontmatter';
import { wasmKind, type WasmKind } from './wasmKind';
import type { FileMap } from '../vfs';

/** The runnable file of a skill, if it has one. */
export interface WasmEntry {
  path: string;
  kind: WasmKind;
  size: number;
}

/** What a bundle means, before anything runs: the manifest, its findings and its entry. */
export interface SkillDescription {
  name: string;
  description: string;
  skillMd: SkillMd | null;
  entry: WasmEntry | null;
  diagnostics: Diagnostic[];
  /** Which skill systems would load it, and why not; absent without a SKILL.md. */
  compatibility?: Compatibility[];
  /** An astrid capsule's manifest (Capsule.toml), when the bundle has one that parses. */
  capsule?: CapsuleManifest;
}

/** Where skill systems put the wasm, in the order we look (skill-engine, OpenSkills, then any `.wasm`). */
export const WASM_CANDIDATES = ['skill.wasm', 'wasm/skill.wasm', 'dist/skill.wasm'];

const decoder = new TextDecoder();

export function findSkillMdPath(files: FileMap): string | undefined {
  if (files.has('SKILL.md')) return 'SKILL.md';
  if (files.has('skill.md')) return 'skill.md';
  return undefined;
}

export function findWasmPath(files: FileMap): string | undefined {
  const known = WASM_CANDIDATES.find((p) => files.has(p));
  if (known) return known;
  const all = [...files.keys()].filter((p) => p.toLowerCase().endsWith('.wasm'));
  return all.length === 1 ? all[0] : undefined;
}

/**
 * A component handed over on its own (picked, dropped or loaded from a URL), not a skill folder:
 * it needs no SKILL.md.
 */
function isLoneWasm(bundle: Bundle): boolean {
  if (bundle.source.kind === 'wasm') return true;
  const [only, ...rest] = bundle.files.keys();
  return rest.length === 0 && only === `${bundle.rootName}.wasm`;
}

export interface AnalyzeOptions {
  /** SKILL.md's text, when the caller has decoded it already (see decodeTextInSlices). */
  skillMdText?: string;
}

export function analyzeBundle(
  bundle: Bundle,
  mode: ValidationMode = 'permissive',
  options: AnalyzeOptions = {},
): SkillDescription {
  const diagnostics: Diagnostic[] = [];
  const mdPath = findSkillMdPath(bundle.files);
  let skillMd: SkillMd | null = null;
  let name = bundle.rootName;
  let description = '';
  let compat: Compatibility[] | undefined;
  let capsule: CapsuleManifest | undefined;
  const capsuleText = bundle.files.get(CAPSULE_FILE);
  if (capsuleText) {
    const parsed = parseCapsuleManifest(decoder.decode(capsuleText), new Set(bundle.files.keys()));
    diagnostics.push(...parsed.diagnostics);
    if (parsed.manifest) {
      capsule = parsed.manifest;
      name = parsed.manifest.name ?? name;
      description = parsed.manifest.description ?? description;
    }
  }

  if (mdPath) {
    const text = options.skillMdText ?? decoder.decode(bundle.files.get(mdPath));
    skillMd = parseSkillMd(text, mdPath);
    diagnostics.push(...skillMd.diagnostics);
    if (skillMd.frontmatter) {
      const fm = skillMd.frontmatter;
      if (typeof fm.name === 'string' && fm.name) name = fm.name;
      if (typeof fm.description === 'string') description = fm.description;
      diagnostics.push(
        ...validateFrontmatter(fm, { rootName: bundle.rootName, text, file: mdPath }),
        ...checkFrontmatterKeys(fm, { text, body: skillMd.body, mode, file: mdPath }),
      );
    }
    compat = compatibility(skillMd.frontmatter, bundle.rootName);
  } else if (capsule) {
    diagnostics.push({
      file: CAPSULE_FILE,
      rule: 'capsule-no-skill-md',
      severity: 'info',
      message:
        'An astrid capsule without a SKILL.md: it is described by Capsule.toml alone, which Agent Skills systems do not read.',
    });
  } else if (!isLoneWasm(bundle)) {
    diagnostics.push(missingSkillMd(bundle));
  }

  let entry: WasmEntry | null = null;
  // A capsule names its own component; otherwise the conventions of skill-engine and OpenSkills apply.
  const capsuleEntry = capsule?.components.find((c) => bundle.files.has(c.file))?.file;
  const wasmPath = capsuleEntry ?? findWasmPath(bundle.files);
  if (wasmPath) {
    const bytes = bundle.files.get(wasmPath)!;
    entry = { path: wasmPath, kind: wasmKind(bytes), size: bytes.length };
    if (entry.kind === 'not-wasm') {
      diagnostics.push({
        file: wasmPath,
        rule: 'wasm-invalid',
        severity: 'error',
        message: `${wasmPath} is not a WebAssembly file: it does not start with the "\\0asm" magic bytes.`,
      });
    }
  } else if ([...bundle.files.keys()].filter((p) => p.endsWith('.wasm')).length > 1) {
    diagnostics.push({
      file: '.',
      rule: 'wasm-ambiguous',
      severity: 'warning',
      message: `Several .wasm files and none at ${WASM_CANDIDATES.join(', ')}: name the one to run skill.wasm.`,
    });
  }

  return {
    name,
    description,
    skillMd,
    entry,
    diagnostics,
    ...(compat ? { compatibility: compat } : {}),
    ...(capsule ? { capsule } : {}),
  };
}

/**
 * A folder with no SKILL.md: an error, unless it carries its wasm where OpenSkills looks for it
 * (OpenSkills runs such folders, named by the folder).
 */
function missingSkillMd(bundle: Bundle): Diagnostic {
  const wasm = ['skill.wasm', 'wasm/skill.wasm'].find((path) => bundle.files.has(path));
  if (wasm) {
    return {
      file: 'SKILL.md',
      rule: 'skill-md-missing-wasm',
      severity: 'warning',
      message: `"${bundle.rootName}" has no SKILL.md: it is named by its folder and runs ${wasm}, as OpenSkills does; Agent Skills systems need a SKILL.md with name and description.`,
    };
  }
  return {
    file: 'SKILL.md',
    rule: 'skill-md-missing',
    severity: 'error',
    message: `"${bundle.rootName}" has no SKILL.md: a skill folder needs one, with name and description in its frontmatter.`,
  };
}
