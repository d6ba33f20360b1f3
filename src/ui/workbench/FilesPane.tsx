import { useMemo } from 'react';
import { findSkillMdPath, type Diagnostic } from '../../bundle';
import { openFile, selectSkills, usePlayground, type OpenFile, type SkillEntry } from '../../store';
import { DiagnosticList } from '../elements/DiagnosticList';
import { sameNameWarning } from '../sourceLabel';
import { SkillSpecPanel } from '../panels/SkillSpecPanel';
import { FileView } from './FileView';
import { PaneBar } from './PaneChrome';

const NONE: Diagnostic[] = [];

/**
 * The Files pane: the skill's files as a tree, the open one beside it (SKILL.md rendered at
 * first, any file in the editor on a click), the findings under it, each opening its file at its
 * line, and the skill as an awaken SkillSpec.
 */
export function FilesPane({ skill, narrow }: { skill: SkillEntry; narrow: boolean }) {
  const files = skill.bundle?.files;
  const paths = useMemo(() => (files ? [...files.keys()].sort(comparePaths) : []), [files]);
  const chosen = usePlayground((s) => s.openFiles[skill.key]);
  const analysis = skill.analysis;
  const loadDiagnostics =
    (skill.status === 'ready' || skill.status === 'failed' ? skill.loadDiagnostics : NONE) ?? NONE;
  // Another skill of the same name from elsewhere is a finding too (see sourceLabel).
  const sameName = sameNameWarning(skill, usePlayground(selectSkills));
  const diagnostics = useMemo(
    () => [...(analysis?.diagnostics ?? []), ...loadDiagnostics, ...(sameName ? [sameName] : [])],
    [analysis, loadDiagnostics, sameName],
  );
  const current = files ? shownFile(skill, chosen) : undefined;
  const edits = skill.originals?.size ?? 0;

  return (
    <div className="pane-body">
      {!narrow && <PaneBar pane="files" label={`Files (${paths.length})`} />}
      {!files ? (
        <p className="muted">The skill's files show here once they are read.</p>
      ) : (
        <>
          {edits > 0 && (
            <p className="muted edits-note">
              {edits} edited file{edits === 1 ? '' : 's'}: the next run uses{' '}
              {edits === 1 ? 'it' : 'them'}, and edits are kept in this browser.
            </p>
          )}
          <ul className="file-tree" aria-label="Files of this skill">
            {paths.map((path) => (
              <li key={path} style={{ paddingLeft: `${(path.split('/').length - 1) * 0.9}rem` }}>
                <button
                  type="button"
                  aria-current={path === current?.path ? 'true' : undefined}
                  onClick={() => openFile(skill.key, path)}
                >
                  {path.split('/').pop()}
                </button>
                {path.includes('/') && <span className="muted dir">{dirOf(path)}</span>}
                {skill.originals?.has(path) && <span className="edited">edited</span>}
              </li>
            ))}
          </ul>
          {current ? (
            <FileView skill={skill} file={current} />
          ) : (
            <p className="muted">Choose a file to read or edit it.</p>
          )}
        </>
      )}
      {analysis && (
        <DiagnosticList
          diagnostics={diagnostics}
          canOpen={(d) => files?.has(d.file) === true}
          onOpen={(d) =>
            openFile(skill.key, d.file, {
              ...(d.line ? { line: d.line } : {}),
              ...(d.column ? { column: d.column } : {}),
            })
          }
        />
      )}
      {analysis?.skillMd?.frontmatter && (
        <SkillSpecPanel skillMd={analysis.skillMd} name={skill.name} />
      )}
    </div>
  );
}

/**
 * The file the pane shows: the one chosen, while it exists; else, for a skill with something to
 * run, its SKILL.md rendered (an instructions-only skill shows it rendered in the Run pane).
 */
function shownFile(skill: SkillEntry, chosen: OpenFile | undefined): OpenFile | undefined {
  const files = skill.bundle!.files;
  if (chosen && files.has(chosen.path)) return chosen;
  const runnable = skill.analysis?.entry || skill.analysis?.capsule;
  const skillMd = findSkillMdPath(files);
  if (!runnable || !skillMd || !skill.analysis?.skillMd?.body.trim()) return undefined;
  return { path: skillMd, mode: 'preview', request: 0 };
}

function dirOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

/** SKILL.md first, then the rest by path. */
function comparePaths(a: string, b: string): number {
  if (a === 'SKILL.md') return -1;
  if (b === 'SKILL.md') return 1;
  return a.localeCompare(b);
}
