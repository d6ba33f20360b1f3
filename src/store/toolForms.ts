import { type DraftValue, FORM_ERROR_KEY } from '../forms';
import { initialToolDrafts, type Tool } from '../tools';
import { draftKey, usePlayground } from './playgroundStore';

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
