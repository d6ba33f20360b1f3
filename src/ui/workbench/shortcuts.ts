import { useEffect } from 'react';
import { cancelRun, runningTool, usePlayground } from '../../store';

/** The form the Run pane shows: a tool's, or an instructions-only skill's Render form. */
const RUN_FORM = '#run-pane form.tool-form, #run-pane .instructions form';

/** Submits the Run pane's form, as its Run (or Render) button would. */
export function submitRunForm(): void {
  document.querySelector<HTMLFormElement>(RUN_FORM)?.requestSubmit();
}

/**
 * Keys that work anywhere on the page: Ctrl/Cmd+Enter runs the current tool (the editor has its
 * own binding for it, see CodeEditor), Escape cancels the open skill's run.
 */
export function useShortcuts(): void {
  useEffect(() => {
    const run = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.defaultPrevented)
        return;
      if (!document.querySelector(RUN_FORM)) return;
      event.preventDefault();
      submitRunForm();
    };
    // Before the focused element sees it: an editor or a dialog may keep Escape to itself.
    const cancel = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const key = usePlayground.getState().selectedKey;
      if (key && runningTool(key) !== undefined) cancelRun(key);
    };
    window.addEventListener('keydown', run);
    window.addEventListener('keydown', cancel, true);
    return () => {
      window.removeEventListener('keydown', run);
      window.removeEventListener('keydown', cancel, true);
    };
  }, []);
}
