// What of a run may be kept: the arguments of fields marked secret (writeOnly, or the password
// format, as skill-engine's `secret` parameters are mapped) never are.

import type { JsonSchema } from '../forms';
import type { Tool } from './tool';

/** What a kept run shows in place of a secret argument. */
export const SECRET_MARKER = '(secret, not kept)';

/** Secrets shorter than this are not scrubbed from text: they would mangle ordinary words. */
const MIN_SCRUBBED_LENGTH = 4;

const isSecretSchema = (schema: JsonSchema | undefined) =>
  schema !== undefined && (schema.writeOnly === true || schema.format === 'password');

const holdsSecret = (schema: JsonSchema | undefined): boolean =>
  schema !== undefined &&
  (isSecretSchema(schema) ||
    holdsSecret(schema.items) ||
    Object.values(schema.properties ?? {}).some(holdsSecret));

/** The tool's top-level fields that are, or hold at any depth, a field marked secret. */
export function secretFields(tool: Tool): string[] {
  if (tool.call.kind === 'wit') return [];
  return Object.entries(tool.schema.properties ?? {})
    .filter(([, schema]) => holdsSecret(schema))
    .map(([name]) => name);
}

/**
 * The arguments with every value under a secret schema replaced by the marker, at any depth the
 * schema describes (object properties, array items); `secrets` collects the values replaced.
 */
export function redactArguments(
  schema: JsonSchema,
  value: unknown,
  secrets: unknown[] = [],
): unknown {
  if (isSecretSchema(schema)) {
    if (value !== undefined) secrets.push(value);
    return value === undefined ? undefined : SECRET_MARKER;
  }
  if (Array.isArray(value)) {
    return schema.items
      ? value.map((item) => redactArguments(schema.items!, item, secrets))
      : value;
  }
  if (typeof value === 'object' && value !== null && schema.properties) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => {
        const property = schema.properties![key];
        return [key, property ? redactArguments(property, item, secrets) : item];
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
