import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface Props {
  /** Names what it resizes: "Resize the Skills pane". */
  label: string;
  /** The pane it resizes. */
  controls: string;
  value: number;
  min: number;
  max: number;
  /** How the value reads: "240 pixels", "45 percent". */
  valueText: string;
  /** The value for a pointer that moved `dx` CSS pixels since the drag began at `start`. */
  fromDrag: (start: number, dx: number) => number;
  /** What one arrow key press moves it by. */
  step: number;
  onChange: (value: number) => void;
  /** Enter collapses the pane, or shows it again (the window splitter pattern). */
  onToggle: () => void;
}

/**
 * A vertical bar between two panes, as WAI-ARIA's window splitter: dragged with a pointer, or
 * focused and moved with the arrow keys (Shift for bigger steps), Home and End, and Enter to
 * collapse the pane it resizes.
 */
export function Splitter(props: Props) {
  const { value, min, max, step, onChange } = props;
  const drag = useRef<{ x: number; start: number } | null>(null);

  const down = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, start: value };
  };
  const move = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    onChange(props.fromDrag(drag.current.start, event.clientX - drag.current.x));
  };
  const up = (event: PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) {
      event.currentTarget.releasePointerCapture(event.pointerId);
    }
  };
  const key = (event: KeyboardEvent<HTMLDivElement>) => {
    const by = event.shiftKey ? step * 4 : step;
    const next =
      event.key === 'ArrowLeft'
        ? value - by
        : event.key === 'ArrowRight'
          ? value + by
          : event.key === 'Home'
            ? min
            : event.key === 'End'
              ? max
              : null;
    if (next !== null) {
      event.preventDefault();
      onChange(Math.min(max, Math.max(min, next)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      props.onToggle();
    }
  };
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={props.label}
      aria-controls={props.controls}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuetext={props.valueText}
      tabIndex={0}
      className="splitter"
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerCancel={up}
      onKeyDown={key}
      onDoubleClick={props.onToggle}
    />
  );
}
