import { create } from 'zustand';
import { loadSettings } from '../storage';
import type { PlaygroundState } from './types';

export const initialState = (): PlaygroundState => ({
  validationMode: loadSettings().validationMode,
  skills: [],
  examplesLoaded: false,
  selectedKey: null,
  selectedTool: {},
  notices: [],
  drafts: {},
  fieldErrors: {},
  runs: {},
  instances: {},
  configChecks: {},
  workspaces: {},
});

/** The one store. State only; the actions that change it live in actions.ts. */
export const usePlayground = create<PlaygroundState>()(() => initialState());

export const draftKey = (skillKey: string, toolName: string) => `${skillKey}/${toolName}`;
