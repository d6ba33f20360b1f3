// The configuration keys a skill declares, from every place a skill system puts them
// (shared/reference/skill-formats.md): skill-engine's skill.config.toml `[config]` and skill.yaml
// `config:`, what get-metadata says under `config`, a capsule's `[env.KEY]`, OpenSkills
// `requires.env`, and SKILL.md `metadata` where a skill puts config there. Pure: text in, keys out.
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { errorMessage } from '../errors';
import type { CapsuleEnv } from './capsuleManifest';
import type { SkillMd } from './skillMd';
import type { FileMap } from '../vfs';

/** One key a skill says it reads, as the Configuration form offers it. */
export interface ConfigDeclaration {
  key: string;
  description?: string;
  /** The value the skill gets when none is given, as text. */
  default?: string;
  required: boolean;
  secret: boolean;
  /** The declared type (string, integer, secret, ...), as written. */
  type?: string;
  /** What to ask the person, when the declaration has its own question (a capsule's `request`). */
  prompt?: string;
  /** The file or call that declares it. */
  source: string;
}

/** What the files declare, and why a file that should declare something could not be read. */
export interface ConfigDeclarations {
  keys: ConfigDeclaration[];
  problems: string[];
}

// skill-engine marks keys secret by words in their names (manifest.rs is_likely_secret); the
// name is split into words first, so "author" or "monkey" are not taken for "auth" or "key".
const SECRET_WORD = /^(api)?(token|key|secret|password|passwd|pwd|credential|auth|bearer)s?$/;

/** Whether a key's name says it holds a secret: token, key, secret, password, credential, auth. */
export function looksSecret(key: string): boolean {
  const words = key
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z\d]+/)
    .filter(Boolean);
  return words.some((word) => SECRET_WORD.test(word) || word === 'authorization');
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const asText = (value: unknown): string | undefined =>
  value === undefined || value === null
    ? undefined
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

/**
 * One entry of a `config` section: a bare value is the key's default (skill.config.toml's
 * `[config] key = "value"`); a table describes it (skill.yaml's `{type, description, default}`).
 */
function declarationOf(key: string, entry: unknown, source: string): ConfigDeclaration {
  if (!isRecord(entry)) {
    const fallback = asText(entry);
    return {
      key,
      required: false,
      secret: looksSecret(key),
      source,
      ...(fallback !== undefined && fallback !== '' ? { default: fallback } : {}),
    };
  }
  const type = asText(entry.type);
  const description = asText(entry.description);
  const fallback = asText(entry.default);
  const prompt = asText(entry.request);
  const secret =
    typeof entry.secret === 'boolean' ? entry.secret : type === 'secret' || looksSecret(key);
  return {
    key,
    required: entry.required === true,
    secret,
    source,
    ...(type ? { type } : {}),
    ...(description ? { description } : {}),
    ...(fallback !== undefined ? { default: fallback } : {}),
    ...(prompt ? { prompt } : {}),
  };
}

/** A `config` section: a mapping of keys, or a list of entries that each carry a `name`/`key`. */
export function declarationsIn(section: unknown, source: string): ConfigDeclaration[] {
  if (isRecord(section)) {
    return Object.entries(section).map(([key, entry]) => declarationOf(key, entry, source));
  }
  if (Array.isArray(section)) {
    return section.flatMap((entry) => {
      if (typeof entry === 'string') return [declarationOf(entry, undefined, source)];
      const key = isRecord(entry) ? (asText(entry.name) ?? asText(entry.key)) : undefined;
      return key ? [declarationOf(key, entry, source)] : [];
    });
  }
  return [];
}

/** skill-engine's per-skill `skill.config.toml`: its `[config]` table. */
export function declaredInSkillConfigToml(text: string): ConfigDeclaration[] {
  const doc = parseToml(text);
  return declarationsIn(doc.config, 'skill.config.toml');
}

/** skill-engine's `skill.yaml` (its Python example): the `config:` mapping. */
export function declaredInSkillYaml(text: string, file = 'skill.yaml'): ConfigDeclaration[] {
  const doc: unknown = parseYaml(text);
  return isRecord(doc) ? declarationsIn(doc.config, file) : [];
}

/** What a skill-engine component's get-metadata says under `config`. */
export function declaredInMetadata(config: unknown): ConfigDeclaration[] {
  return declarationsIn(config, 'get-metadata');
}

/** An astrid capsule's `[env.KEY]` entries: `type = "secret"` is a secret. */
export function declaredInCapsuleEnv(env: readonly CapsuleEnv[]): ConfigDeclaration[] {
  return env.map((e) => ({
    key: e.key,
    required: false,
    secret: e.type === 'secret',
    type: e.type,
    source: 'Capsule.toml',
    ...(e.description ? { description: e.description } : {}),
    ...(e.request ? { prompt: e.request } : {}),
    ...(e.default !== undefined ? { default: asText(e.default)! } : {}),
  }));
}

/**
 * SKILL.md frontmatter: OpenSkills' `requires.env` (names a skill cannot run without), and a
 * `config` or `env` entry under `metadata` (a mapping, a list, or names separated by commas, as
 * the spec's metadata holds only strings).
 */
export function declaredInFrontmatter(
  frontmatter: Record<string, unknown> | null,
): ConfigDeclaration[] {
  if (!frontmatter) return [];
  const out: ConfigDeclaration[] = [];
  const requires = frontmatter.requires;
  if (isRecord(requires) && Array.isArray(requires.env)) {
    out.push(
      ...declarationsIn(requires.env, 'SKILL.md requires.env').map((d) => ({
        ...d,
        required: true,
      })),
    );
  }
  const metadata = frontmatter.metadata;
  if (isRecord(metadata)) {
    for (const field of ['config', 'env']) {
      const section = metadata[field];
      out.push(
        ...declarationsIn(
          typeof section === 'string' ? section.split(/[\s,]+/).filter(Boolean) : section,
          `SKILL.md metadata.${field}`,
        ),
      );
    }
  }
  return out;
}

/** All declarations of one key become one: the first says each field, the later fill gaps. */
export function mergeDeclarations(
  ...lists: ReadonlyArray<readonly ConfigDeclaration[]>
): ConfigDeclaration[] {
  const byKey = new Map<string, ConfigDeclaration>();
  for (const declaration of lists.flat()) {
    const known = byKey.get(declaration.key);
    byKey.set(
      declaration.key,
      known
        ? {
            ...declaration,
            ...known,
            required: known.required || declaration.required,
            secret: known.secret || declaration.secret,
          }
        : declaration,
    );
  }
  return [...byKey.values()];
}

const CONFIG_FILES = ['skill.config.toml', 'skill.yaml', 'skill.yml'] as const;

/**
 * Every key a bundle declares in its files. `metadataConfig` is what get-metadata gave under
 * `config`, once the component has loaded.
 */
export function declaredConfigOf(
  files: FileMap,
  manifests: { skillMd: SkillMd | null; capsuleEnv?: readonly CapsuleEnv[] },
  metadataConfig?: unknown,
): ConfigDeclarations {
  const problems: string[] = [];
  const lists: ConfigDeclaration[][] = [];
  const decoder = new TextDecoder();
  for (const file of CONFIG_FILES) {
    const bytes = files.get(file);
    if (!bytes) continue;
    try {
      const text = decoder.decode(bytes);
      lists.push(
        file === 'skill.config.toml'
          ? declaredInSkillConfigToml(text)
          : declaredInSkillYaml(text, file),
      );
    } catch (error) {
      problems.push(
        `${file} could not be read, so its configuration is not listed: ${errorMessage(error)}`,
      );
    }
  }
  if (manifests.capsuleEnv) lists.push(declaredInCapsuleEnv(manifests.capsuleEnv));
  lists.push(declaredInMetadata(metadataConfig));
  lists.push(declaredInFrontmatter(manifests.skillMd?.frontmatter ?? null));
  return { keys: mergeDeclarations(...lists), problems };
}
