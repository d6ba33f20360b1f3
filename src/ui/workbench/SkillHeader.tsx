import { ErrorBoundary } from '../../app/ErrorBoundary';
import { removeSkill, type SkillEntry } from '../../store';
import { CompatibilityLine } from '../elements/CompatibilityLine';
import { formatBytes } from '../format';
import { ExportMenu } from '../share/ExportMenu';
import { ShareDialog } from '../share/ShareDialog';
import { sourceLabel } from '../sourceLabel';
import { LoadProgress } from './LoadProgress';

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

/**
 * The skill in one line (name, kind, where it came from, load time), its compatibility in
 * another that opens to the table, and while it loads, how far it has got.
 */
export function SkillHeader({ skill }: { skill: SkillEntry }) {
  const loaded = skill.status === 'ready' || skill.status === 'consent' ? skill.loaded : undefined;
  const ready = skill.status === 'ready' ? skill : undefined;
  const analysis = skill.analysis;
  const problem = skill.status === 'failed' ? skill.loadError : ready?.note;
  const entry = analysis?.entry;
  const details = [
    ready?.metadata && `component ${ready.metadata.name} ${ready.metadata.version}`,
    entry && `${entry.path} (${formatBytes(entry.size)})`,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <header className="skill-header">
      <div className="skill-line">
        <h2 id="skill-title">{skill.name}</h2>
        <p className="muted meta" title={details || undefined}>
          {kindText(skill)}
          {' · '}
          {sourceLabel(skill.source)}
          {loaded &&
            ` · ready in ${Math.round(loaded.load.ms)} ms (${LOAD_TEXT[loaded.load.from]})`}
        </p>
        <ShareDialog skillKey={skill.key} />
        <ExportMenu skillKey={skill.key} />
        {skill.source.kind !== 'example' && (
          <button
            type="button"
            className="remove-skill"
            onClick={() => void removeSkill(skill.key)}
          >
            Remove skill
          </button>
        )}
      </div>
      {skill.description && (
        <p className="skill-summary" title={skill.description}>
          {skill.description}
        </p>
      )}
      {analysis?.compatibility && (
        <ErrorBoundary what="the compatibility" resetKey={skill.bundleId ?? skill.key}>
          <CompatibilityLine lines={analysis.compatibility} />
        </ErrorBoundary>
      )}
      <LoadProgress skill={skill} />
      {loaded && loaded.info.stubbed.length > 0 && (
        <p className="stubbed" data-testid="stubbed-imports">
          Not provided by the playground, so calling them traps: {loaded.info.stubbed.join(', ')}.
        </p>
      )}
      {problem && (
        <p role="alert" className="load-error">
          {problem}
        </p>
      )}
    </header>
  );
}

function kindText(skill: SkillEntry): string {
  if (skill.status === 'ready' || skill.status === 'consent') {
    const loaded = skill.loaded;
    if (loaded) {
      return `${KIND_TEXT[loaded.kind]}${loaded.info.wrapped ? ' (WASI preview1 module, wrapped)' : ''}`;
    }
  }
  if (skill.analysis?.capsule) return KIND_TEXT.capsule;
  if (skill.analysis && !skill.analysis.entry) return 'instructions only';
  if (skill.status === 'failed') return 'not loaded';
  return 'loading';
}
