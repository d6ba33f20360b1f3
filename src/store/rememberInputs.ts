import { errorMessage } from '../errors';
import { activeInstanceName, ensureInstanceList } from './instances';
import { notify } from './notices';
import { openSkill } from './openSkill';
import { draftKey, usePlayground } from './playgroundStore';
import { getServices } from './services';
import type { PlaygroundState, ResultTab } from './types';

const { getState, setState, subscribe } = usePlayground;

/** What the URL fragment names (ui/viewFragment reads and writes it). */
export interface View {
  skill: string;
  tool?: string;
  tab?: ResultTab;
}

export function setResultTab(key: string, tab: ResultTab): void {
  setState((s) => ({ resultTabs: { ...s.resultTabs, [key]: tab } }));
}

/**
 * Shows what a URL fragment names: its skill, tool and tab. The tool and tab are set before the
 * skill opens, so what was remembered for the skill never replaces what the address says.
 */
export function showView(view: View): void {
  if (!getState().skills.some((s) => s.key === view.skill)) return;
  setState((s) => ({
    ...(view.tool ? { selectedTool: { ...s.selectedTool, [view.skill]: view.tool } } : {}),
    resultTabs: { ...s.resultTabs, [view.skill]: view.tab ?? 'result' },
  }));
  if (getState().selectedKey !== view.skill) void openSkill(view.skill);
}

/**
 * Keeps what a person typed and chose across reloads: each tool's form (per skill and instance)
 * as it changes, and the tool and tab of each skill. When a skill is first shown in this page,
 * its tool and tab come back; once its tools are known, each form's last contents do. What was
 * set in this page before they are read (typed, or named by the address) is never replaced.
 * Returns the unsubscribe.
 */
export function rememberInputs(): () => void {
  const viewRestored = new Set<string>();
  const draftsRestored = new Set<string>();
  let warned = false;
  const failed = (error: unknown) => {
    if (warned) return;
    warned = true;
    notify(`Your inputs could not be remembered in this browser: ${errorMessage(error)}`);
  };

  const onChange = (state: PlaygroundState, prev: PlaygroundState) => {
    const key = state.selectedKey;
    if (key && !viewRestored.has(key)) {
      viewRestored.add(key);
      void restoreView(key).catch(failed);
    }
    for (const skill of state.skills) {
      if (skill.status !== 'ready') continue;
      const tools = skill.tools.map((t) => t.name);
      if (!draftsRestored.has(skill.key)) {
        draftsRestored.add(skill.key);
        // Forms filled before the tools were known (by a workspace import or a share link) are
        // kept like typed ones, or a switch of instance and back would lose them.
        const early = tools.flatMap((tool) => {
          const drafts = state.drafts[draftKey(skill.key, tool)];
          return drafts === undefined ? [] : [[tool, drafts] as const];
        });
        void restoreDrafts(skill.key, tools, false)
          .then(() =>
            Promise.all(
              early.map(([tool, drafts]) =>
                getServices().inputs.saveDrafts(
                  skill.key,
                  activeInstanceName(skill.key),
                  tool,
                  drafts,
                ),
              ),
            ),
          )
          .catch(failed);
      } else if (instanceSwitched(state, prev, skill.key)) {
        // Another instance chosen: its forms show what was last typed for it, or the defaults.
        void restoreDrafts(skill.key, tools, true).catch(failed);
      }
      if (state.drafts === prev.drafts) continue;
      for (const tool of skill.tools) {
        const id = draftKey(skill.key, tool.name);
        const drafts = state.drafts[id];
        if (drafts === prev.drafts[id] || drafts === undefined) continue;
        void getServices()
          .inputs.saveDrafts(skill.key, activeInstanceName(skill.key), tool.name, drafts)
          .catch(failed);
      }
    }
    if (state.selectedTool !== prev.selectedTool || state.resultTabs !== prev.resultTabs) {
      for (const changed of changedKeys(state, prev)) {
        const tool = state.selectedTool[changed];
        const tab = state.resultTabs[changed];
        void getServices()
          .inputs.saveView(changed, { ...(tool ? { tool } : {}), ...(tab ? { tab } : {}) })
          .catch(failed);
      }
    }
  };
  return subscribe(onChange);
}

function changedKeys(state: PlaygroundState, prev: PlaygroundState): string[] {
  const keys = new Set([...Object.keys(state.selectedTool), ...Object.keys(state.resultTabs)]);
  return [...keys].filter(
    (key) =>
      state.selectedTool[key] !== prev.selectedTool[key] ||
      state.resultTabs[key] !== prev.resultTabs[key],
  );
}

async function restoreView(key: string): Promise<void> {
  const view = await getServices().inputs.readView(key);
  if (!view) return;
  setState((s) => ({
    ...(view.tool && s.selectedTool[key] === undefined
      ? { selectedTool: { ...s.selectedTool, [key]: view.tool } }
      : {}),
    ...((view.tab === 'history' || view.tab === 'result') && s.resultTabs[key] === undefined
      ? { resultTabs: { ...s.resultTabs, [key]: view.tab } }
      : {}),
  }));
}

/** A change of the chosen instance, not the first reading of the skill's instance list. */
function instanceSwitched(state: PlaygroundState, prev: PlaygroundState, key: string): boolean {
  const before = prev.instanceLists[key];
  return before !== undefined && state.instanceLists[key]?.active !== before.active;
}

/**
 * Puts back the forms last typed for the chosen instance. On the first showing, only forms not
 * yet touched in this page are filled; on a switch of instance (`replace`), every form is the
 * new instance's, and a tool it never ran starts from its defaults.
 */
async function restoreDrafts(key: string, tools: string[], replace: boolean): Promise<void> {
  const { active: instance } = await ensureInstanceList(key);
  const found: Record<string, Record<string, unknown>> = {};
  for (const tool of tools) {
    const { value } = await getServices().inputs.readDrafts(key, instance, tool);
    if (value) found[draftKey(key, tool)] = value;
  }
  // The person may have switched again while these were read: the later switch wins.
  if (activeInstanceName(key) !== instance) return;
  if (replace) {
    setState((s) => {
      const drafts = { ...s.drafts };
      for (const tool of tools) delete drafts[draftKey(key, tool)];
      return { drafts: { ...drafts, ...found } as never };
    });
    return;
  }
  if (Object.keys(found).length === 0) return;
  setState((s) => {
    const fresh = Object.entries(found).filter(([id]) => s.drafts[id] === undefined);
    return fresh.length === 0
      ? {}
      : { drafts: { ...s.drafts, ...Object.fromEntries(fresh) } as never };
  });
}
