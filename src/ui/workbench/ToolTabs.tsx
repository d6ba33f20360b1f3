import { Fragment } from 'react';
import { chooseTool } from '../../store';
import type { Tool } from '../../tools';
import { idFrom, rovingKeyDown } from '../elements/roving';

/** The id of a tool's tab, which its panel is labelled by. */
export const toolTabId = (name: string) => idFrom('tool-tab', name);
export const TOOL_PANEL_ID = 'tool-panel';

/**
 * The skill's tools as tabs: one tab stop, the arrow keys move between them (and choose), as
 * WAI-ARIA's tabs with automatic activation. Functions of an exported interface sit under its name.
 */
export function ToolTabs({
  skillKey,
  tools,
  current,
}: {
  skillKey: string;
  tools: Tool[];
  current: Tool;
}) {
  const index = tools.findIndex((t) => t.name === current.name);
  return (
    <div role="tablist" aria-label="Tools of this skill" className="tool-tabs">
      {tools.map((t, i) => (
        <Fragment key={t.name}>
          {t.group && t.group !== tools[i - 1]?.group && (
            <span className="tool-group" role="presentation">
              {t.group}
            </span>
          )}
          <button
            type="button"
            role="tab"
            id={toolTabId(t.name)}
            aria-selected={t.name === current.name}
            aria-controls={TOOL_PANEL_ID}
            tabIndex={t.name === current.name ? 0 : -1}
            title={t.name}
            onClick={() => chooseTool(skillKey, t.name)}
            onKeyDown={(e) =>
              rovingKeyDown(e, tools.length, index, (n) => chooseTool(skillKey, tools[n]!.name))
            }
          >
            {t.label ?? t.name}
          </button>
        </Fragment>
      ))}
    </div>
  );
}
