import { useEffect, useState } from 'react';

/** How long a copy button says "Copied" before it reads as itself again. */
const COPIED_MS = 2000;

interface Props {
  /** What is copied, read when the button is pressed (a large value is made only then). */
  text: () => string;
  label?: string;
  /** Names the button for screen readers when its label alone is not enough: "Copy output". */
  ariaLabel?: string;
}

/** A button that copies text and says "Copied" for a moment, politely, to screen readers too. */
export function CopyButton({ text, label = 'Copy', ariaLabel }: Props) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = () => {
    void navigator.clipboard?.writeText(text()).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <button type="button" onClick={copy} aria-label={ariaLabel}>
      <span aria-live="polite">{copied ? 'Copied' : label}</span>
    </button>
  );
}
