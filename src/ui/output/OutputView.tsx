import { Suspense, useMemo, useState } from 'react';
import { CopyButton } from '../elements/CopyButton';
import { formatBytes } from '../format';
import { MARKDOWN_CHUNK } from '../markdownChunks';
import { MarkdownView } from '../markdownLoader';
import { ImageView } from './ImageView';
import { JsonTree } from './JsonTree';
import { outputKind, type OutputKind } from './outputKind';
import { TextView } from './TextView';

const KIND_TEXT: Record<OutputKind['kind'], string> = {
  wave: 'WAVE',
  json: 'JSON',
  image: 'image',
  markdown: 'Markdown',
  text: 'text',
};

/**
 * A run's output in the view its content calls for: JSON as a tree, Markdown rendered (no raw
 * HTML), an image as a picture that runs nothing, WAVE and text as text. The output as it came
 * is one click away (Raw), and Copy always copies it whole.
 */
export function OutputView({
  output,
  format,
  label,
}: {
  output: string;
  format?: 'wave';
  /** What the output is of, for the image's text alternative: the tool's name. */
  label: string;
}) {
  const what = useMemo(() => outputKind(output, format), [output, format]);
  const [raw, setRaw] = useState(false);
  const hasView = what.kind !== 'text' && what.kind !== 'wave';
  const showRaw = raw || !hasView;
  return (
    <div
      className="output"
      data-output-kind={what.kind}
      data-output-view={showRaw ? 'raw' : 'view'}
    >
      <div className="output-bar">
        <span className="muted">
          {KIND_TEXT[what.kind]}, {formatBytes(output.length)}
        </span>
        <span className="output-actions">
          {hasView && (
            <button type="button" aria-pressed={raw} onClick={() => setRaw((r) => !r)}>
              Raw
            </button>
          )}
          <CopyButton text={() => output} ariaLabel="Copy the output" />
        </span>
      </div>
      {showRaw ? (
        <TextView text={output} testId="run-output" />
      ) : what.kind === 'json' ? (
        <JsonTree value={what.value} testId="run-output" />
      ) : what.kind === 'image' ? (
        <ImageView bytes={what.bytes} alt={`The image ${label} returned`} testId="run-output" />
      ) : (
        <div className="markdown-output" data-testid="run-output">
          <Suspense fallback={<pre>{output.slice(0, MARKDOWN_CHUNK)}</pre>}>
            <MarkdownView markdown={output} headingLevel={4} />
          </Suspense>
        </div>
      )}
    </div>
  );
}
