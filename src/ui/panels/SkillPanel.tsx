import {
  allowSkillCode,
  chooseTool,
  removeSkill,
  requestedBy,
  secretsWithheld,
  selectInstance,
  showFile,
  selectSkills,
  trustSkillVersion,
  skillComponent,
  skillTools,
  usePlayground,
  type SkillEntry,
} from '../../store';
import { ErrorBoundary } from '../../app/ErrorBoundary';
import { CompatibilityTable } from '../elements/CompatibilityTable';
import { DiagnosticList } from '../elements/DiagnosticList';
import { Fragment, lazy, Suspense } from 'react';
import { formatBytes } from '../format';
import { sameNameWarning, sourceLabel } from '../sourceLabel';
import { MARKDOWN_CHUNK } from '../markdownChunks';
import { ConfigurationForm } from './ConfigurationForm';
import { CapsulePanel } from './CapsulePanel';
import { FilesPanel } from './FilesPanel';
import { SkillSpecPanel } from './SkillSpecPanel';
import { InstructionsPanel } from './InstructionsPanel';
import { ResultPanel } from './ResultPanel';
import { PermissionsForm } from './PermissionsForm';
import { RunLimits } from './RunLimits';
import { declaredConfig, describeGrants, effectiveGrants } from '../../tools';
import { ToolForm } from './ToolForm';
import { WorkspacePanel } from './WorkspacePanel';
import { ExportMenu } from '../share/ExportMenu';
import { ShareDialog } from '../share/ShareDialog';

/** Everything about one skill: what it says it is, its findings, its tools, and its last run. */
export function SkillPanel({ skill }: { skill: SkillEntry }) {
  const selectedTool = usePlayground((s) => s.selectedTool[skill.key]);
  const instance = usePlayground(selectInstance(skill.key));
  const sameName = sameNameWarning(skill, usePlayground(selectSkills));
  const grants = effectiveGrants(requestedBy(skill), instance?.grants);
  const tools = skillTools(skill);
  const tool = tools.find((t) => t.name === selectedTool) ?? tools[0];
  const analysis = skill.analysis;
  const loaded = skill.status === 'ready' || skill.status === 'consent' ? skill.loaded : undefined;
  const ready = skill.status === 'ready' ? skill : undefined;
  const loadDiagnostics =
    (skill.status === 'ready' || skill.status === 'failed' ? skill.loadDiagnostics : []) ?? [];
  const problem = skill.status === 'failed' ? skill.loadError : ready?.note;
  const body = analysis?.skillMd?.body.trim();
  // Each section below fails on its own: a bad SKILL.md image or a panel's bug leaves the tools
  // usable. A new copy of the files (an edit, another skill) gives every section another try.
  const resetKey = skill.bundleId ?? skill.key;

  return (
    <article className="skill-panel" aria-labelledby="skill-title" data-skill-status={skill.status}>
      <header>
        <div className="skill-title-row">
          <h2 id="skill-title">{skill.name}</h2>
          <ShareDialog skillKey={skill.key} />
          <ExportMenu skillKey={skill.key} />
          {skill.source.kind !== 'example' && (
            <button type="button" onClick={() => void removeSkill(skill.key)}>
              Remove skill
            </button>
          )}
        </div>
        {skill.description && <p className="skill-summary">{skill.description}</p>}
        <p className="muted meta">
          {sourceLabel(skill.source)}
          {loaded &&
            ` · ${KIND_TEXT[loaded.kind]}${loaded.info.wrapped ? ' (WASI preview1 module, wrapped)' : ''}`}
          {ready?.metadata && ` · component ${ready.metadata.name} ${ready.metadata.version}`}
          {analysis?.entry && ` · ${analysis.entry.path} (${formatBytes(analysis.entry.size)})`}
          {loaded &&
            ` · ready in ${Math.round(loaded.load.ms)} ms (${loaded.kind === 'capsule' ? 'compiled' : LOAD_TEXT[loaded.load.from]})`}
        </p>
      </header>

      <ErrorBoundary what="the findings" resetKey={resetKey}>
        {analysis && (
          <DiagnosticList
            diagnostics={[
              ...analysis.diagnostics,
              ...loadDiagnostics,
              ...(sameName ? [sameName] : []),
            ]}
          />
        )}
        {analysis?.compatibility && <CompatibilityTable lines={analysis.compatibility} />}
      </ErrorBoundary>

      {loaded && loaded.info.stubbed.length > 0 && (
        <p className="stubbed" data-testid="stubbed-imports">
          Not provided by the playground, so calling them traps: {loaded.info.stubbed.join(', ')}.
        </p>
      )}

      {skill.status === 'loading' && (
        <p role="status" className="loading">
          Loading the component in its worker…
        </p>
      )}
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
      {ready && ready.unsupportedExports.length > 0 && (
        <ul className="unsupported-exports" aria-label="Exports not supported yet">
          {ready.unsupportedExports.map((u) => (
            <li key={`${u.interface ?? ''}#${u.name}`}>
              <code>{u.interface ? `${u.interface} · ${u.name}` : u.name}</code>: {u.reason}.
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p role="alert" className="load-error">
          {problem}
        </p>
      )}
      {skill.status === 'ready' && !analysis?.entry && !analysis?.capsule && (
        <>
          <p className="muted">This skill has no WebAssembly component: it is instructions only.</p>
          {analysis?.skillMd && (
            <ErrorBoundary what="the instructions form" resetKey={resetKey}>
              <InstructionsPanel skillKey={skill.key} skillMd={analysis.skillMd} />
            </ErrorBoundary>
          )}
        </>
      )}

      {tool && (
        <ErrorBoundary what="the tools" resetKey={resetKey}>
          <section className="tools" aria-label="Tools">
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
                    aria-selected={t.name === tool.name}
                    title={t.name}
                    onClick={() => chooseTool(skill.key, t.name)}
                  >
                    {t.label ?? t.name}
                  </button>
                </Fragment>
              ))}
            </div>
            <div className="run-area">
              <div>
                <ToolForm
                  key={tool.name}
                  skillKey={skill.key}
                  tool={tool}
                  runMay={describeGrants(grants)}
                />
                <RunLimits skillKey={skill.key} />
                <PermissionsForm skill={skill} />
              </div>
              <ResultPanel skillKey={skill.key} />
            </div>
          </section>
        </ErrorBoundary>
      )}

      {(skill.status === 'ready' || skill.status === 'failed') && skillComponent(skill) && (
        <ErrorBoundary what="the configuration and workspace" resetKey={resetKey}>
          <div className="instance-area">
            <ConfigurationForm
              skillKey={skill.key}
              {...(analysis?.capsule ? { declared: declaredConfig(analysis.capsule.env) } : {})}
            />
            <WorkspacePanel skillKey={skill.key} />
          </div>
        </ErrorBoundary>
      )}

      {analysis?.capsule && (
        <ErrorBoundary what="Capsule.toml" resetKey={resetKey}>
          <CapsulePanel capsule={analysis.capsule} />
        </ErrorBoundary>
      )}

      {skill.bundle && (
        <ErrorBoundary what="the files" resetKey={resetKey}>
          <FilesPanel skill={skill} />
        </ErrorBoundary>
      )}

      {analysis?.skillMd?.frontmatter && (
        <ErrorBoundary what="the SkillSpec" resetKey={resetKey}>
          <SkillSpecPanel skillMd={analysis.skillMd} name={skill.name} />
        </ErrorBoundary>
      )}

      {body && (
        <details className="skill-body" open={!analysis?.entry}>
          <summary>SKILL.md</summary>
          <ErrorBoundary what="SKILL.md" resetKey={resetKey}>
            <Suspense fallback={<pre>{body.slice(0, MARKDOWN_CHUNK)}</pre>}>
              <MarkdownView
                markdown={body}
                files={skill.bundle?.files}
                onOpenFile={(path) => showFile(skill.key, path)}
              />
            </Suspense>
          </ErrorBoundary>
        </details>
      )}
    </article>
  );
}

// react-markdown and its parser load only when a SKILL.md is shown.
const MarkdownView = lazy(() => import('./MarkdownView'));

const LOAD_TEXT = {
  bytes: 'transpiled with jco',
  cache: 'transpile cache hit, jco skipped',
  worker: 'already loaded',
} as const;

const KIND_TEXT = {
  'skill-engine': 'skill-engine component',
  command: 'command (wasi:cli/run)',
  component: 'component',
  capsule: 'astrid capsule (Extism plugin)',
} as const;
