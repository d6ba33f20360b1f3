// What of a run may be kept: the arguments of fields marked secret (writeOnly, or the password
// format, as skill-engine's `secret` parameters are mapped) never are.

import { alternativesOf, resolveSchema, type JsonSchema } from '../forms';
import type { Tool } from './tool';

/** What a kept run shows in place of a secret argument. */
export const SECRET_MARKER = '(secret, not kept)';

/** Secrets shorter than this are not scrubbed from text: they would mangle ordinary words. */
const MIN_SCRUBBED_LENGTH = 4;

const isSecretSchema = (schema: JsonSchema) =>
  schema.writeOnly === true || schema.format === 'password';

/** Schemas deeper than this are not searched for secrets: a recursive `$ref` has no bottom. */
const MAX_DEPTH = 32;

/** The schemas that may describe a value here: the schema resolved, and each of its choices. */
function candidates(schema: JsonSchema, root: JsonSchema): JsonSchema[] {
  const resolved = resolveSchema(schema, root);
  return [resolved, ...(alternativesOf(resolved) ?? []).map((alt) => resolveSchema(alt, root))];
}

const holdsSecret = (schema: JsonSchema | undefined, root: JsonSchema, depth = 0): boolean =>
  schema !== undefined &&
  depth < MAX_DEPTH &&
  candidates(schema, root).some(
    (s) =>
      isSecretSchema(s) ||
      holdsSecret(s.items, root, depth + 1) ||
      Object.values(s.properties ?? {}).some((p) => holdsSecret(p, root, depth + 1)),
  );

/** The tool's top-level fields that are, or hold at any depth, a field marked secret. */
export function secretFields(tool: Tool): string[] {
  if (tool.call.kind === 'wit') return [];
  return Object.entries(tool.schema.properties ?? {})
    .filter(([, schema]) => holdsSecret(schema, tool.schema))
    .map(([name]) => name);
}

/**
 * The arguments with every value under a secret schema replaced by the marker, at any depth the
 * schema describes (object properties, array items, `$ref`s, and any `oneOf`/`anyOf` choice that
 * marks the place secret); `secrets` collects the values replaced.
 */
export function redactArguments(
  schema: JsonSchema,
  value: unknown,
  secrets: unknown[] = [],
  root: JsonSchema = schema,
): unknown {
  const here = candidates(schema, root);
  if (here.some(isSecretSchema)) {
    if (value !== undefined) secrets.push(value);
    return value === undefined ? undefined : SECRET_MARKER;
  }
  if (Array.isArray(value)) {
    const items = here.map((s) => s.items).find((item) => item !== undefined);
    return items ? value.map((item) => redactArguments(items, item, secrets, root)) : value;
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => {
        const property = here
          .map((s) => s.properties?.[key])
          .filter((p): p is JsonSchema => p !== undefined);
        const secret = property.find((p) => holdsSecret(p, root)) ?? property[0];
        return [key, secret ? redactArguments(secret, item, secrets, root) : item];
      }),
    );
  }
  return value;
}

/** The form's drafts without the secret fields' ones: Re-run keeps what the form holds for them. */
export function withoutSecretDrafts<T extends object>(tool: Tool, drafts: T): Partial<T> {
  const secret = new Set(secretFields(tool));
  return Object.fromEntries(
    Object.entries(drafts).filter(([name]) => !secret.has(name)),
  ) as Partial<T>;
}

/**
 * Every text in `value` with each secret replaced by the marker: a skill may print a secret
 * argument or configuration value to its output, stdout or stderr.
 */
export function scrubSecrets<T>(value: T, secrets: readonly unknown[]): T {
  const texts = secrets
    .map((secret) => (typeof secret === 'string' ? secret : JSON.stringify(secret)))
    .filter(
      (text): text is string => typeof text === 'string' && text.length >= MIN_SCRUBBED_LENGTH,
    )
    // The longest first, so a secret that contains another is replaced whole.
    .sort((a, b) => b.length - a.length);
  if (texts.length === 0) return value;
  const scrub = (item: unknown): unknown => {
    if (typeof item === 'string') {
      return texts.reduce((text, secret) => text.split(secret).join(SECRET_MARKER), item);
    }
    if (Array.isArray(item)) return item.map(scrub);
    if (typeof item === 'object' && item !== null) {
      return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, scrub(v)]));
    }
    return item;
  };
  return scrub(value) as T;
}
