import type { ReactNode } from 'react';
import { setPaneCollapsed, type PaneName } from '../../store';

/** The top of a pane: its name and the button that collapses it. */
export function PaneBar({
  pane,
  label,
  children,
}: {
  pane: PaneName;
  label: string;
  children?: ReactNode;
}) {
  return (
    <div className="pane-bar">
      {pane !== 'skills' && <span className="pane-title">{label}</span>}
      {children}
      <button
        type="button"
        className="pane-toggle"
        aria-label={`Collapse the ${label} pane`}
        aria-expanded={true}
        aria-controls={`${pane}-pane`}
        onClick={() => setPaneCollapsed(pane, true)}
      >
        <span aria-hidden="true">⟨</span>
      </button>
    </div>
  );
}

/** A collapsed pane: a strip with the button that shows it again. */
export function CollapsedStrip({ pane, label }: { pane: PaneName; label: string }) {
  return (
    <button
      type="button"
      className="pane-strip"
      aria-label={`Show the ${label} pane`}
      aria-expanded={false}
      aria-controls={`${pane}-pane`}
      onClick={() => setPaneCollapsed(pane, false)}
    >
      <span aria-hidden="true">{label}</span>
    </button>
  );
}
