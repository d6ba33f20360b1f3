import { argumentsOf, renderInstructions, type ArgumentSpec, type SkillMd } from '../bundle';
import { type DraftValue, FORM_ERROR_KEY } from '../forms';
import { initialToolDrafts, type Tool } from '../tools';
import { draftKey, usePlayground } from './playgroundStore';
import type { InstructionsDraft } from './types';

const { getState, setState } = usePlayground;

/** Chooses which of a skill's tools the form shows. */
export function chooseTool(key: string, toolName: string): void {
  setState((s) => ({ selectedTool: { ...s.selectedTool, [key]: toolName } }));
}

/** What a tool's form holds: what was typed, or its defaults. */
export function getDrafts(key: string, tool: Tool): Record<string, DraftValue> {
  return getState().drafts[draftKey(key, tool.name)] ?? initialToolDrafts(tool);
}

export function setDraft(key: string, tool: Tool, field: string, value: DraftValue): void {
  const id = draftKey(key, tool.name);
  const drafts = { ...getDrafts(key, tool), [field]: value };
  setState((s) => {
    // A WIT value's errors are keyed by path (`points[0].x`): editing it clears them all. What
    // was said of the whole input goes too; Run says it again if it still holds.
    const errors = Object.fromEntries(
      Object.entries(s.fieldErrors[id] ?? {}).filter(
        ([path]) =>
          path !== FORM_ERROR_KEY &&
          path !== field &&
          !path.startsWith(`${field}.`) &&
          !path.startsWith(`${field}[`),
      ),
    );
    return {
      drafts: { ...s.drafts, [id]: drafts },
      fieldErrors: { ...s.fieldErrors, [id]: errors },
    };
  });
}

/** Shows (or clears) the problems found in a tool's form, beside their fields. */
export function setFieldErrors(key: string, toolName: string, errors: Record<string, string>) {
  const id = draftKey(key, toolName);
  setState((s) => ({ fieldErrors: { ...s.fieldErrors, [id]: errors } }));
}

const EMPTY_INSTRUCTIONS: InstructionsDraft = { values: {}, missing: [], rendered: null };

/** The fields of an instructions-only skill: its declared arguments, else one for $ARGUMENTS. */
export function instructionFields(skillMd: SkillMd): ArgumentSpec[] {
  const specs = argumentsOf(skillMd.frontmatter);
  return specs.length > 0
    ? specs
    : [{ name: 'arguments', description: 'What $ARGUMENTS stands for', required: false }];
}

export function getInstructions(key: string): InstructionsDraft {
  return getState().instructions[key] ?? EMPTY_INSTRUCTIONS;
}

export function setInstructionValue(key: string, name: string, value: string): void {
  setState((s) => {
    const current = s.instructions[key] ?? EMPTY_INSTRUCTIONS;
    const next = { ...current, values: { ...current.values, [name]: value } };
    return { instructions: { ...s.instructions, [key]: next } };
  });
}

/** Fills the skill's body with its arguments, or marks the required ones left empty. */
export function renderSkillInstructions(key: string, skillMd: SkillMd): void {
  const fields = instructionFields(skillMd);
  const { values, rendered } = getInstructions(key);
  const missing = fields.filter((f) => f.required && !values[f.name]?.trim()).map((f) => f.name);
  const next: InstructionsDraft = {
    values,
    missing,
    rendered:
      missing.length > 0
        ? rendered
        : renderInstructions(
            skillMd.body.trim(),
            fields.map((f) => ({ name: f.name, value: values[f.name] ?? '' })),
          ),
  };
  setState((s) => ({ instructions: { ...s.instructions, [key]: next } }));
}
