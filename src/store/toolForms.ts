import { argumentsOf, renderInstructions, type ArgumentSpec, type SkillMd } from '../bundle';
import {
  type DraftValue,
  FORM_ERROR_KEY,
  formValue,
  JSON_VIEW_KEY,
  jsonViewText,
  parseJsonView,
  toForm,
} from '../forms';
import { initialToolDrafts, toolModel, type Tool } from '../tools';
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

// Announcements of a refused run count down from -1, apart from the ids of runs.
let refusals = 0;

/**
 * Shows (or clears) the problems found in a tool's form, beside their fields. A run refused for
 * them is also said at once in the page's live region, with the first problem, since the field
 * that has it may be out of sight.
 */
export function setFieldErrors(key: string, toolName: string, errors: Record<string, string>) {
  const id = draftKey(key, toolName);
  const problems = Object.entries(errors);
  setState((s) => ({
    fieldErrors: { ...s.fieldErrors, [id]: errors },
    ...(problems.length > 0
      ? {
          announcement: {
            id: --refusals,
            tone: 'assertive' as const,
            text: `${toolName} did not run: ${problems.length} problem${problems.length === 1 ? '' : 's'} to fix. ${problems
              .slice(0, 1)
              .map(([path, message]) => (path === FORM_ERROR_KEY ? message : `${path}: ${message}`))
              .join('')}`,
          },
        }
      : {}),
  }));
}

/** Whether the tool's JSON view is open: its text is then what Run reads. */
export function jsonViewOpen(key: string, tool: Tool): boolean {
  return jsonViewText(getDrafts(key, tool)) !== undefined;
}

/** Opens the JSON view on what the form holds. */
export function showJsonView(key: string, tool: Tool): void {
  const drafts = getDrafts(key, tool);
  if (jsonViewText(drafts) !== undefined) return;
  const text = JSON.stringify(formValue(toolModel(tool).fields, drafts), null, 2);
  const id = draftKey(key, tool.name);
  setState((s) => ({
    drafts: { ...s.drafts, [id]: { ...drafts, [JSON_VIEW_KEY]: text } },
    fieldErrors: { ...s.fieldErrors, [id]: {} },
  }));
}

export function setJsonViewText(key: string, tool: Tool, text: string): void {
  setDraft(key, tool, JSON_VIEW_KEY, text);
  // What was said of the JSON as a whole no longer holds once it is edited; Run says it again.
  setState((s) => ({ fieldErrors: { ...s.fieldErrors, [draftKey(key, tool.name)]: {} } }));
}

/**
 * Goes back to the form with the JSON view's value in its controls. JSON that does not parse, or
 * that has an argument the form has no control for, keeps the JSON view open and says why, so
 * nothing typed is lost.
 */
export function showFormView(key: string, tool: Tool): boolean {
  const id = draftKey(key, tool.name);
  const text = jsonViewText(getDrafts(key, tool));
  if (text === undefined) return true;
  const parsed = parseJsonView(text);
  const back = parsed.ok ? toForm(toolModel(tool).fields, parsed.value) : parsed;
  if (!back.ok) {
    setState((s) => ({
      fieldErrors: {
        ...s.fieldErrors,
        [id]: { [FORM_ERROR_KEY]: `${back.error} The form shows once the JSON is fixed.` },
      },
    }));
    return false;
  }
  setState((s) => ({
    drafts: { ...s.drafts, [id]: back.drafts },
    fieldErrors: { ...s.fieldErrors, [id]: {} },
  }));
  return true;
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
