import { useState } from 'react';
import { formatBytes } from '../format';

/** Characters of text laid out at first, and added by each "show more". */
export const TEXT_CHUNK = 64 * 1024;

interface Props {
  text: string;
  /** A stream shows its newest text (the end); an output its beginning. */
  from?: 'start' | 'end';
  testId?: string;
}

/**
 * Text in a <pre>, a piece at a time: a megabyte laid out at once stalls the page, so the first
 * (or last) 64 Ki characters show, and more on request. Copy and Raw views give the whole text.
 */
export function TextView({ text, from = 'start', testId }: Props) {
  const [shown, setShown] = useState(TEXT_CHUNK);
  const cut = text.length > shown;
  const visible = !cut ? text : from === 'start' ? text.slice(0, shown) : text.slice(-shown);
  return (
    <>
      <pre data-testid={testId}>{visible}</pre>
      {cut && (
        <p className="text-more muted">
          Showing the {from === 'start' ? 'first' : 'last'} {formatBytes(shown)} of{' '}
          {formatBytes(text.length)} characters.{' '}
          <button type="button" onClick={() => setShown((n) => n + TEXT_CHUNK * 4)}>
            Show {formatBytes(TEXT_CHUNK * 4)} more
          </button>
        </p>
      )}
    </>
  );
}
