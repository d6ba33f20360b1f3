import { useEffect } from 'react';
import { loadHistory, setResultTab, usePlayground } from '../../store';
import type { Tool } from '../../tools';
import { HistoryPanel } from '../history/HistoryPanel';
import { ResultPanel } from '../panels/ResultPanel';

/**
 * Below the form: the tool's last result, or the skill's history of runs. Two pressed-or-not
 * buttons choose (the page's tabs are the tools'); the choice is remembered and in the address.
 */
export function ResultArea({
  skillKey,
  tool,
  tools,
}: {
  skillKey: string;
  tool: Tool;
  tools: Tool[];
}) {
  const tab = usePlayground((s) => s.resultTabs[skillKey] ?? 'result');
  const loaded = usePlayground((s) => s.history[skillKey]?.loaded ?? false);
  const count = usePlayground((s) => s.history[skillKey]?.runs.length ?? 0);
  useEffect(() => {
    // Read once per skill, and again each time History is shown: another tab may have added runs.
    if (tab === 'history' || !loaded) void loadHistory(skillKey);
  }, [skillKey, tab, loaded]);
  return (
    <div className="result-area">
      <div role="group" aria-label="Result or history" className="result-switch">
        <button
          type="button"
          aria-pressed={tab === 'result'}
          onClick={() => setResultTab(skillKey, 'result')}
        >
          Result
        </button>
        <button
          type="button"
          aria-pressed={tab === 'history'}
          onClick={() => setResultTab(skillKey, 'history')}
        >
          History{loaded ? ` (${count})` : ''}
        </button>
      </div>
      {tab === 'history' ? (
        <HistoryPanel skillKey={skillKey} tools={tools} />
      ) : (
        <ResultPanel skillKey={skillKey} toolName={tool.name} />
      )}
    </div>
  );
}
