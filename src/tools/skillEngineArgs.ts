import type { Field } from '../forms';

/**
 * skill-engine's runtime sends every argument as a string (its CLI builds `{"key": "value"}`),
 * and the skills written for it parse from there: numbers and booleans as their text, JSON and
 * lists as JSON text, files as their content.
 */
export function toSkillEngineArgs(
  fields: Field[],
  value: Record<string, unknown>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of fields) {
    const v = value[field.name];
    if (v === undefined) continue;
    out[field.name] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  return out;
}
