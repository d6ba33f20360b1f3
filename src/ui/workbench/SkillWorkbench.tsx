import { useRef, type CSSProperties } from 'react';
import { ErrorBoundary } from '../../app/ErrorBoundary';
import {
  FILES_PERCENT,
  setFilesPercent,
  setPaneCollapsed,
  usePlayground,
  type SkillEntry,
} from '../../store';
import { FilesPane } from './FilesPane';
import { RunPane } from './RunPane';
import { SkillHeader } from './SkillHeader';
import { Splitter } from './Splitter';
import { CollapsedStrip } from './PaneChrome';

/** One skill: its header line above its Files pane and its Run pane. */
export function SkillWorkbench({ skill, narrow }: { skill: SkillEntry; narrow: boolean }) {
  const prefs = usePlayground((s) => s.prefs);
  const panes = useRef<HTMLDivElement>(null);
  const filesCollapsed = prefs.collapsed.files && !narrow;
  const runCollapsed = prefs.collapsed.run && !narrow;
  // A new copy of the files (an edit, another skill) gives a pane that failed another try.
  const resetKey = skill.bundleId ?? skill.key;
  const style = { '--files-share': `${prefs.filesPercent}%` } as CSSProperties;
  const tabpanel = (tab: string) =>
    narrow ? { role: 'tabpanel', 'aria-labelledby': `phone-tab-${tab}` } : {};

  return (
    <article
      className="skill-workbench"
      aria-labelledby="skill-title"
      data-skill-status={skill.status}
    >
      <SkillHeader skill={skill} />
      <div
        className="skill-panes"
        ref={panes}
        style={style}
        data-files-collapsed={filesCollapsed || undefined}
        data-run-collapsed={runCollapsed || undefined}
      >
        <section
          id="files-pane"
          className="pane files-pane"
          aria-label="Files"
          {...tabpanel('files')}
        >
          {filesCollapsed ? (
            <CollapsedStrip pane="files" label="Files" />
          ) : (
            <ErrorBoundary what="the files" resetKey={resetKey}>
              <FilesPane skill={skill} narrow={narrow} />
            </ErrorBoundary>
          )}
        </section>
        {!narrow && !filesCollapsed && !runCollapsed && (
          <Splitter
            label="Resize the Files and Run panes"
            controls="files-pane"
            value={prefs.filesPercent}
            min={FILES_PERCENT.min}
            max={FILES_PERCENT.max}
            valueText={`Files ${prefs.filesPercent} percent`}
            step={2}
            fromDrag={(start, dx) => start + (dx / (panes.current?.clientWidth || 1)) * 100}
            onChange={setFilesPercent}
            onToggle={() => setPaneCollapsed('files', true)}
          />
        )}
        <section id="run-pane" className="pane run-pane" aria-label="Run" {...tabpanel('run')}>
          {runCollapsed ? (
            <CollapsedStrip pane="run" label="Run" />
          ) : (
            <ErrorBoundary what="the tools" resetKey={resetKey}>
              <RunPane skill={skill} narrow={narrow} />
            </ErrorBoundary>
          )}
        </section>
      </div>
    </article>
  );
}
