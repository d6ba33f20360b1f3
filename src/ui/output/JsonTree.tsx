import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { CopyButton } from '../elements/CopyButton';
import { initiallyExpanded, JSON_PAGE, valuePreview, visibleRows, type JsonRow } from './jsonTree';

type NodeRow = Extract<JsonRow, { type: 'node' }>;

/**
 * JSON as a tree (WAI-ARIA's tree view): one tab stop; Up and Down move between rows, Right
 * opens a node or goes to its first child, Left closes it or goes to its parent, Enter toggles.
 * The chosen node's path and value can be copied.
 */
export function JsonTree({ value, testId }: { value: object; testId?: string }) {
  const [expanded, setExpanded] = useState(() => initiallyExpanded(value));
  const [shown, setShown] = useState<ReadonlyMap<string, number>>(() => new Map());
  const [selected, setSelected] = useState('$');
  const rows = useMemo(() => visibleRows(value, expanded, shown), [value, expanded, shown]);
  const tree = useRef<HTMLDivElement>(null);
  const index = Math.max(
    0,
    rows.findIndex((row) => row.id === selected),
  );
  const current = rows[index]!;
  const node = (current.type === 'node' ? current : rows[0]) as NodeRow;

  // Focus follows the choice while the keyboard is in the tree.
  useEffect(() => {
    if (!tree.current?.contains(document.activeElement)) return;
    tree.current.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
  }, [selected]);

  const toggle = (row: NodeRow, open = !row.expanded) =>
    setExpanded((set) => {
      const next = new Set(set);
      if (open) next.add(row.id);
      else next.delete(row.id);
      return next;
    });
  const more = (row: Extract<JsonRow, { type: 'more' }>) =>
    setShown((map) => new Map(map).set(row.parentId, row.shown + JSON_PAGE));
  const activate = (row: JsonRow) => {
    setSelected(row.id);
    if (row.type === 'more') more(row);
    else if (row.container) toggle(row);
  };

  const key = (event: KeyboardEvent<HTMLDivElement>) => {
    const move = (to: number) => setSelected(rows[Math.max(0, Math.min(rows.length - 1, to))]!.id);
    const parentOf = (row: JsonRow) => {
      for (let i = index - 1; i >= 0; i--) if (rows[i]!.depth < row.depth) return i;
      return index;
    };
    const handled = () => event.preventDefault();
    switch (event.key) {
      case 'ArrowDown':
        handled();
        return move(index + 1);
      case 'ArrowUp':
        handled();
        return move(index - 1);
      case 'Home':
        handled();
        return move(0);
      case 'End':
        handled();
        return move(rows.length - 1);
      case 'ArrowRight':
        handled();
        if (current.type === 'node' && current.container) {
          return current.expanded ? move(index + 1) : toggle(current, true);
        }
        return;
      case 'ArrowLeft':
        handled();
        if (current.type === 'node' && current.expanded) return toggle(current, false);
        return move(parentOf(current));
      case 'Enter':
      case ' ':
        handled();
        return activate(current);
    }
  };

  return (
    <div className="json-tree-view">
      <div className="json-selected">
        <span className="muted">Chosen:</span> <code data-testid="json-path">{node.id}</code>
        <CopyButton text={() => node.id} label="Copy path" />
        <CopyButton
          text={() => JSON.stringify(node.value, null, 2) ?? String(node.value)}
          label="Copy value"
        />
      </div>
      <div
        role="tree"
        aria-label="Output as JSON"
        className="json-tree"
        data-testid={testId}
        ref={tree}
        onKeyDown={key}
      >
        {rows.map((row) => (
          <div
            key={row.id}
            role="treeitem"
            aria-level={row.depth + 1}
            aria-selected={row.id === current.id}
            aria-expanded={row.type === 'node' && row.container ? row.expanded : undefined}
            tabIndex={row.id === current.id ? 0 : -1}
            className={`json-row json-${row.type}`}
            style={{ paddingLeft: `${row.depth * 1.2 + 1.2}em` }}
            onClick={() => (row.type === 'more' ? activate(row) : setSelected(row.id))}
          >
            {row.type === 'more' ? (
              <span className="muted">
                Show {Math.min(JSON_PAGE, row.total - row.shown)} more ({row.shown} of{' '}
                {row.total.toLocaleString('en')} shown)
              </span>
            ) : (
              <NodeLine row={row} onToggle={() => toggle(row)} />
            )}
          </div>
        ))}
      </div>
    </div>
  );
}

function NodeLine({ row, onToggle }: { row: NodeRow; onToggle: () => void }) {
  const type = row.value === null ? 'null' : Array.isArray(row.value) ? 'array' : typeof row.value;
  return (
    <>
      {row.container && (
        <span
          className="json-caret"
          data-open={row.expanded || undefined}
          aria-hidden="true"
          onClick={onToggle}
        />
      )}
      {row.key !== undefined && (
        <>
          <span className="json-key">
            {typeof row.key === 'number' ? row.key : JSON.stringify(row.key)}
          </span>
          {': '}
        </>
      )}
      <span className={`json-value json-${type}`}>{valuePreview(row.value)}</span>
    </>
  );
}
