import { forgetRemoval, undoRemoval, usePlayground } from '../../store';

/** "Removed X. Undo", for the few seconds a removal can be taken back. */
export function UndoRemoval() {
  const removal = usePlayground((s) => s.removal);
  return (
    <div className="undo-region" role="status">
      {removal && (
        <p className="undo-removal">
          Removed {removal.entry.name}.{' '}
          <button type="button" onClick={() => void undoRemoval()}>
            Undo
          </button>{' '}
          <button type="button" aria-label="Dismiss" onClick={forgetRemoval}>
            ×
          </button>
        </p>
      )}
    </div>
  );
}
