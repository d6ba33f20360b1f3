import { lazy, Suspense, useMemo } from 'react';
import { findSkillMdPath } from '../../bundle';
import {
  editFile,
  openFile,
  revertFile,
  showFile,
  usePlayground,
  type OpenFile,
  type SkillEntry,
} from '../../store';
import { formatBytes } from '../format';
import { MARKDOWN_CHUNK } from '../markdownChunks';
import { MarkdownView } from '../markdownLoader';
import { BinaryInfo } from '../panels/BinaryInfo';
import { submitRunForm } from './shortcuts';

// Monaco and its workers load the first time a file is edited, never with the page.
const CodeEditor = lazy(() => import('../editor/CodeEditor'));

const TEXT_EXTENSIONS =
  /\.(md|markdown|txt|ya?ml|json|toml|wit|js|mjs|cjs|ts|py|sh|bash|rs|c|h|cc|cpp|html|css|csv|xml|ini|cfg|env)$/i;
const MARKDOWN = /\.(md|markdown)$/i;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Text when the name says so, or when the bytes are UTF-8 without NULs (LICENSE, Makefile). */
function textOf(path: string, bytes: Uint8Array): string | null {
  if (!TEXT_EXTENSIONS.test(path) && bytes.subarray(0, 8192).includes(0)) return null;
  try {
    const text = decoder.decode(bytes);
    return TEXT_EXTENSIONS.test(path) || !text.includes('\u0000') ? text : null;
  } catch {
    return null;
  }
}

export const EDITOR_HINT_ID = 'editor-keys';

/**
 * One file of the skill: Markdown rendered or in the editor, other text in the editor, a binary
 * file described. An edit is used by the next run at once; the bar says whether it is saved.
 */
export function FileView({ skill, file }: { skill: SkillEntry; file: OpenFile }) {
  const { path } = file;
  const bytes = skill.bundle!.files.get(path)!;
  const skillMdPath = findSkillMdPath(skill.bundle!.files);
  // SKILL.md is shown as readers see it: its body, without the frontmatter, read already. Its
  // preview needs nothing more: the whole file (megabytes, maybe) is decoded for the editor only.
  const body = path === skillMdPath ? skill.analysis?.skillMd?.body : undefined;
  const previewOnly = body !== undefined && file.mode === 'preview';
  const text = useMemo(
    () => (previewOnly ? null : textOf(path, bytes)),
    [previewOnly, path, bytes],
  );
  const diagnostics = useMemo(
    () => (skill.analysis?.diagnostics ?? []).filter((d) => d.file === path),
    [skill.analysis, path],
  );
  const saveState = usePlayground((s) => s.editSaves[skill.key]);
  const edited = skill.originals?.has(path) === true;
  const markdown = previewOnly || (text !== null && MARKDOWN.test(path));
  const mode = markdown ? file.mode : 'edit';
  const rendered = body !== undefined ? body.trim() : text;

  return (
    <section aria-label={`File ${path}`} className="file-view">
      <div className="file-bar">
        <code>{path}</code> <span className="muted">{formatBytes(bytes.length)}</span>
        {markdown && (
          <span className="view-switch" role="group" aria-label="Show the file">
            {(['preview', 'edit'] as const).map((m) => (
              <button
                key={m}
                type="button"
                aria-pressed={mode === m}
                onClick={() => openFile(skill.key, path, { mode: m })}
              >
                {m === 'preview' ? 'Preview' : 'Edit'}
              </button>
            ))}
          </span>
        )}
        {edited && (
          <>
            <span className="edited-state" data-testid="edit-state">
              Edited, used by the next run ·{' '}
              {saveState === 'failed'
                ? 'not saved: kept on this page only'
                : saveState === 'saving'
                  ? 'saving…'
                  : 'saved in this browser'}
            </span>
            <button type="button" onClick={() => revertFile(skill.key, path)}>
              Revert
            </button>
          </>
        )}
      </div>
      {previewOnly || (text !== null && mode === 'preview') ? (
        <div className="file-preview">
          <Suspense fallback={<pre>{(rendered ?? '').slice(0, MARKDOWN_CHUNK)}</pre>}>
            <MarkdownView
              markdown={rendered ?? ''}
              files={skill.bundle?.files}
              headingLevel={3}
              onOpenFile={(target) => showFile(skill.key, target)}
            />
          </Suspense>
        </div>
      ) : text === null ? (
        <BinaryInfo path={path} bytes={bytes} />
      ) : (
        <>
          <Suspense fallback={<pre className="editor-fallback">{text}</pre>}>
            <CodeEditor
              uri={`skill://${encodeURIComponent(skill.key)}/${path}`}
              path={path}
              value={text}
              diagnostics={diagnostics}
              onChange={(next) => editFile(skill.key, path, next)}
              onRun={submitRunForm}
              reveal={file.line === undefined ? undefined : file}
              describedBy={EDITOR_HINT_ID}
            />
          </Suspense>
          <p id={EDITOR_HINT_ID} className="hint editor-hint">
            Ctrl+Enter (⌘+Enter) runs the tool. Tab types a tab here: to leave the editor with the
            keyboard, press Ctrl+M (Ctrl+Shift+M on a Mac) to make Tab move focus, then Tab.
          </p>
        </>
      )}
    </section>
  );
}
