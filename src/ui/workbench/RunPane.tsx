import { Suspense, useEffect } from 'react';
import { ErrorBoundary } from '../../app/ErrorBoundary';
import {
  allowSkillCode,
  requestedBy,
  secretsWithheld,
  selectInstance,
  setLimitsOpen,
  showFile,
  skillComponent,
  skillTools,
  trustSkillVersion,
  usePlayground,
  type SkillEntry,
} from '../../store';
import { describeGrants, effectiveGrants } from '../../tools';
import { MARKDOWN_CHUNK } from '../markdownChunks';
import { MarkdownView, preloadMarkdownView } from '../markdownLoader';
import { CapsulePanel } from '../panels/CapsulePanel';
import { ConfigurationForm } from '../panels/ConfigurationForm';
import { InstancePicker } from '../panels/InstancePicker';
import { InstructionsPanel } from '../panels/InstructionsPanel';
import { PermissionsForm } from '../panels/PermissionsForm';
import { RunLimits } from '../panels/RunLimits';
import { ToolForm } from '../panels/ToolForm';
import { WorkspacePanel } from '../panels/WorkspacePanel';
import { PaneBar } from './PaneChrome';
import { ResultArea } from './ResultArea';
import { TOOL_PANEL_ID, ToolTabs, toolTabId } from './ToolTabs';

/**
 * The Run pane: the tool's form with its limits, its own last result below, then the instance
 * (configuration, permissions, /workspace). An instructions-only skill opens on its Render form
 * and its rendered instructions; a capsule on what its manifest declares.
 */
export function RunPane({ skill, narrow }: { skill: SkillEntry; narrow: boolean }) {
  const selectedTool = usePlayground((s) => s.selectedTool[skill.key]);
  const instance = usePlayground(selectInstance(skill.key));
  const limitsOpen = usePlayground((s) => s.prefs.limitsOpen);
  const tools = skillTools(skill);
  const tool = tools.find((t) => t.name === selectedTool) ?? tools[0];
  const analysis = skill.analysis;
  const ready = skill.status === 'ready' ? skill : undefined;
  const instructionsOnly = ready && !analysis?.entry && !analysis?.capsule;
  const resetKey = skill.bundleId ?? skill.key;
  const hasInstance =
    (skill.status === 'ready' || skill.status === 'failed') && !!skillComponent(skill);
  // The instance's own forms start again from what it holds when another is chosen.
  const instanceName = instance?.name ?? '';
  // Its SKILL.md shows once its files are read: the Markdown view loads meanwhile.
  useEffect(() => {
    if (skill.status === 'loading') preloadMarkdownView();
  }, [skill.status]);

  return (
    <div className="pane-body">
      {!narrow && <PaneBar pane="run" label="Run" />}
      {secretsWithheld(skill, instance) && (
        <div className="consent" role="status" data-testid="secrets-withheld">
          <p>
            This skill's files changed at its URL since its secrets were saved. Its secrets stay in
            this browser, withheld from its runs, until you trust this version.
          </p>
          <button type="button" onClick={() => void trustSkillVersion(skill.key)}>
            Trust this version
          </button>
        </div>
      )}
      {skill.status === 'consent' && (
        <div className="consent" role="status">
          <p>
            This skill came from a link, and nothing of it has run. Its tools are listed by its own
            code (get-metadata and get-tools), which runs in its sandbox: no network, no files but
            its own.
          </p>
          <button type="button" className="primary" onClick={() => void allowSkillCode(skill.key)}>
            Load its tools
          </button>
        </div>
      )}
      {skill.status === 'loading' && (
        <p className="muted">Its tools show here once it has loaded.</p>
      )}
      {ready && ready.unsupportedExports.length > 0 && (
        <ul className="unsupported-exports" aria-label="Exports not supported yet">
          {ready.unsupportedExports.map((u) => (
            <li key={`${u.interface ?? ''}#${u.name}`}>
              <code>{u.interface ? `${u.interface} · ${u.name}` : u.name}</code>: {u.reason}.
            </li>
          ))}
        </ul>
      )}
      {instructionsOnly && (
        <>
          <p className="muted">This skill has no WebAssembly component: it is instructions only.</p>
          {analysis?.skillMd && (
            <ErrorBoundary what="the instructions form" resetKey={resetKey}>
              <InstructionsPanel skillKey={skill.key} skillMd={analysis.skillMd} />
              {analysis.skillMd.body.trim() && (
                <section aria-label="Instructions as written" className="instructions-body">
                  <h3>SKILL.md</h3>
                  <Suspense fallback={<pre>{analysis.skillMd.body.slice(0, MARKDOWN_CHUNK)}</pre>}>
                    <MarkdownView
                      markdown={analysis.skillMd.body.trim()}
                      files={skill.bundle?.files}
                      headingLevel={4}
                      onOpenFile={(path) => showFile(skill.key, path)}
                    />
                  </Suspense>
                </section>
              )}
            </ErrorBoundary>
          )}
        </>
      )}
      {analysis?.capsule && (
        <ErrorBoundary what="Capsule.toml" resetKey={resetKey}>
          <CapsulePanel capsule={analysis.capsule} />
        </ErrorBoundary>
      )}
      {hasInstance && <InstancePicker skillKey={skill.key} />}
      {tool && (
        <>
          <ToolTabs skillKey={skill.key} tools={tools} current={tool} />
          <div
            role="tabpanel"
            id={TOOL_PANEL_ID}
            aria-labelledby={toolTabId(tool.name)}
            className="tool-panel"
          >
            <div className="tool-card">
              <ToolForm
                key={tool.name}
                skillKey={skill.key}
                tool={tool}
                runMay={describeGrants(effectiveGrants(requestedBy(skill), instance?.grants))}
              />
              <details
                className="limits"
                open={limitsOpen}
                onToggle={(e) => setLimitsOpen(e.currentTarget.open)}
              >
                <summary>Limits</summary>
                <RunLimits key={instanceName} skillKey={skill.key} />
              </details>
            </div>
            <ResultArea skillKey={skill.key} tool={tool} tools={tools} />
          </div>
        </>
      )}
      {hasInstance && (
        <ErrorBoundary what="the configuration and workspace" resetKey={resetKey}>
          <div className="instance-area">
            <ConfigurationForm key={`config:${instanceName}`} skillKey={skill.key} />
            {tool && <PermissionsForm key={`grants:${instanceName}`} skill={skill} />}
            <WorkspacePanel skillKey={skill.key} />
          </div>
        </ErrorBoundary>
      )}
    </div>
  );
}
