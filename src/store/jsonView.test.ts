import { beforeEach, describe, expect, it } from 'vitest';
import { readToolInput, type Tool } from '../tools';
import { draftKey, initialState, usePlayground } from './playgroundStore';
import {
  getDrafts,
  jsonViewOpen,
  setDraft,
  setFieldErrors,
  setJsonViewText,
  showFormView,
  showJsonView,
} from './toolForms';

const tool: Tool = {
  name: 'place',
  description: '',
  schema: {
    type: 'object',
    properties: {
      where: {
        type: 'object',
        properties: { city: { type: 'string' }, floor: { type: 'integer', minimum: 0 } },
        required: ['city'],
      },
    },
    required: ['where'],
  },
  call: { kind: 'command', protocol: 'json-stdio' },
  origin: 'sidecar',
};
const KEY = 'folder:demo';
const state = () => usePlayground.getState();

describe("a tool's JSON view in the store", () => {
  beforeEach(() => usePlayground.setState(initialState(), true));

  it('shows what the form holds, and gives an edit back to the form', () => {
    setDraft(KEY, tool, 'where', { $object: { city: 'Oslo', floor: '3' } });
    showJsonView(KEY, tool);
    expect(jsonViewOpen(KEY, tool)).toBe(true);
    expect(readToolInput(tool, getDrafts(KEY, tool))).toEqual({
      ok: true,
      value: { where: { city: 'Oslo', floor: 3 } },
    });
    setJsonViewText(KEY, tool, '{"where": {"city": "Bergen", "floor": 0}}');
    expect(showFormView(KEY, tool)).toBe(true);
    expect(jsonViewOpen(KEY, tool)).toBe(false);
    expect(getDrafts(KEY, tool)).toEqual({ where: { $object: { city: 'Bergen', floor: '0' } } });
    // Plain data: what a store of drafts keeps and clones.
    expect(structuredClone(getDrafts(KEY, tool))).toEqual(getDrafts(KEY, tool));
  });

  it('keeps JSON that does not parse, says why, and Run reads it as refused', () => {
    showJsonView(KEY, tool);
    setJsonViewText(KEY, tool, '{"where": ');
    expect(showFormView(KEY, tool)).toBe(false);
    expect(jsonViewOpen(KEY, tool)).toBe(true);
    expect(Object.values(state().fieldErrors[draftKey(KEY, 'place')] ?? {}).join()).toContain(
      'Invalid JSON',
    );
    const read = readToolInput(tool, getDrafts(KEY, tool));
    expect(read.ok).toBe(false);
    setJsonViewText(KEY, tool, '{"where": {"city": "Oslo", "floor": -1}}');
    expect(readToolInput(tool, getDrafts(KEY, tool))).toEqual({
      ok: false,
      errors: { 'where.floor': 'Must be >= 0.' },
    });
  });

  it('announces a refused run with its first problem', () => {
    setFieldErrors(KEY, 'place', { 'where.city': 'Required.' });
    expect(state().announcement).toMatchObject({
      tone: 'assertive',
      text: 'place did not run: 1 problem to fix. where.city: Required.',
    });
  });
});
