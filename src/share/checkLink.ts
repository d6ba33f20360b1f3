import { normaliseEntryName, unsafeEntryName } from '../bundle';
import {
  LINK_LIMITS,
  ShareLinkError,
  type LinkArg,
  type LinkConfigEntry,
  type LinkedSkill,
  type LinkLimits,
  type ShareLinkV1,
} from './linkFormat';

// Every field of a link is checked by hand before anything uses it: the data came from whoever
// made the link. A field this version does not know is refused rather than ignored, so a link
// can never smuggle in a secret, a permission or a grant under a name a later version reads.

type Obj = Record<string, unknown>;

const invalid = (where: string, what: string): never => {
  throw new ShareLinkError('Invalid', `The link's ${where} ${what}.`);
};

const isObject = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function object(value: unknown, where: string, allowed: readonly string[]): Obj {
  if (!isObject(value)) return invalid(where, 'is not an object');
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      invalid(where, `has a field this version does not know, "${key.slice(0, 40)}"`);
    }
  }
  return value;
}

function text(value: unknown, where: string, maxChars: number = LINK_LIMITS.maxNameChars) {
  if (typeof value !== 'string') return invalid(where, 'is not text');
  if (value.length > maxChars) invalid(where, `is longer than ${maxChars} characters`);
  return value;
}

function name(value: unknown, where: string): string {
  const s = text(value, where);
  if (s.trim() === '') invalid(where, 'is empty');
  return s;
}

/** A path inside the skill: relative, `/`-separated, never climbing out. */
function filePath(value: unknown, where: string): string {
  const path = text(value, where, 1024);
  const problem = unsafeEntryName(path);
  if (problem) invalid(where, `"${path.slice(0, 80)}" is unsafe: ${problem}`);
  if (path === '' || normaliseEntryName(path) !== path) {
    invalid(where, `"${path.slice(0, 80)}" is not a plain relative path`);
  }
  return path;
}

/** A folder name: one path segment. */
function folderName(value: unknown, where: string): string {
  const root = filePath(value, where);
  if (root.includes('/')) invalid(where, 'is not a single folder name');
  return root;
}

function skill(value: unknown): LinkedSkill {
  const from = isObject(value) ? value.from : undefined;
  switch (from) {
    case 'example': {
      const s = object(value, 'skill', ['from', 'id']);
      const id = name(s.id, 'example id');
      if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) invalid('example id', 'is not an example id');
      return { from, id };
    }
    case 'url': {
      const s = object(value, 'skill', ['from', 'url', 'root', 'sha256', 'path']);
      const url = text(s.url, 'skill URL', LINK_LIMITS.maxUrlChars);
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return invalid('skill URL', 'is not a URL');
      }
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
        invalid('skill URL', `uses ${parsed.protocol}, not http or https`);
      }
      const sha256 = text(s.sha256, 'SHA-256');
      if (!/^[0-9a-f]{64}$/.test(sha256)) invalid('SHA-256', 'is not 64 hexadecimal digits');
      const root = folderName(s.root, 'skill folder');
      return s.path === undefined
        ? { from, url, root, sha256 }
        : { from, url, root, sha256, path: filePath(s.path, 'skill path') };
    }
    case 'inline': {
      const s = object(value, 'skill', ['from', 'root', 'files']);
      if (!isObject(s.files)) return invalid('files', 'are not an object');
      const entries = Object.entries(s.files);
      if (entries.length === 0) invalid('files', 'are empty');
      if (entries.length > LINK_LIMITS.maxFiles) {
        invalid('files', `number more than ${LINK_LIMITS.maxFiles}`);
      }
      const files: Record<string, string> = {};
      for (const [path, content] of entries) {
        files[filePath(path, 'file path')] = text(content, `file ${path}`, Infinity);
      }
      return { from, root: folderName(s.root, 'skill folder'), files };
    }
    default:
      return invalid('skill', 'does not say where the skill comes from');
  }
}

/** An argument's draft: text, a boolean, null, or lists and records of them, not too deep. */
function arg(value: unknown, where: string, depth = 0): LinkArg {
  if (depth > LINK_LIMITS.maxArgDepth) {
    return invalid(where, `nests deeper than ${LINK_LIMITS.maxArgDepth} levels`);
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((item, i) => arg(item, `${where}[${i}]`, depth + 1));
  if (isObject(value)) {
    const out: Record<string, LinkArg> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = arg(item, `${where}.${key.slice(0, 40)}`, depth + 1);
    }
    return out;
  }
  return invalid(where, 'is neither text, a boolean, a list nor a record');
}

function args(value: unknown): Record<string, LinkArg> {
  if (!isObject(value)) return invalid('arguments', 'are not an object');
  const entries = Object.entries(value);
  if (entries.length > LINK_LIMITS.maxArgs) {
    invalid('arguments', `number more than ${LINK_LIMITS.maxArgs}`);
  }
  const out: Record<string, LinkArg> = {};
  for (const [key, item] of entries) {
    out[name(key, 'argument name')] = arg(item, `argument ${key.slice(0, 40)}`);
  }
  return out;
}

function config(value: unknown): LinkConfigEntry[] {
  if (!Array.isArray(value)) return invalid('configuration', 'is not a list');
  if (value.length > LINK_LIMITS.maxConfigEntries) {
    invalid('configuration', `has more than ${LINK_LIMITS.maxConfigEntries} values`);
  }
  return value.map((entry, i) => {
    if (isObject(entry) && 'secret' in entry) {
      invalid(`configuration value ${i + 1}`, 'claims to be a secret, which a link never carries');
    }
    const e = object(entry, `configuration value ${i + 1}`, ['key', 'value']);
    return {
      key: name(e.key, 'configuration key'),
      value: text(e.value, `value of ${String(e.key).slice(0, 40)}`, 64 * 1024),
    };
  });
}

function limits(value: unknown): LinkLimits {
  const l = object(value, 'limits', ['timeoutMs', 'maxOutputBytes', 'maxMemoryBytes']);
  const out: LinkLimits = {};
  for (const key of ['timeoutMs', 'maxOutputBytes', 'maxMemoryBytes'] as const) {
    const n = l[key];
    if (n === undefined) continue;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0) {
      invalid(`limit ${key}`, 'is not a positive whole number');
    }
    out[key] = n as number;
  }
  return out;
}

/** Checks a version 1 link's data, field by field; throws a ShareLinkError naming the field. */
export function checkLinkV1(value: unknown): ShareLinkV1 {
  const link = object(value, 'data', ['skill', 'tool', 'args', 'config', 'limits', 'view']);
  const out: ShareLinkV1 = { skill: skill(link.skill) };
  if (link.tool !== undefined) out.tool = name(link.tool, 'tool');
  if (link.args !== undefined) out.args = args(link.args);
  if (link.config !== undefined) out.config = config(link.config);
  if (link.limits !== undefined) out.limits = limits(link.limits);
  if (link.view !== undefined) {
    const view = object(link.view, 'view', ['file']);
    out.view = view.file === undefined ? {} : { file: filePath(view.file, 'open file') };
  }
  return out;
}
