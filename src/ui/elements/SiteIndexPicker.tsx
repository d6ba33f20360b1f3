import { useEffect, useId, useRef } from 'react';
import { dismissIndex, selectOfferedIndex, usePlayground } from '../../store';
import { IndexSkillChoice } from './IndexSkillChoice';

/**
 * A modal dialog that shows whenever a site's Agent Skills index is offered, from the Load from
 * URL dialog or a `?skill=` link. Closing it (Close, Escape) drops the offer and stops a load.
 */
export function SiteIndexPicker() {
  const index = usePlayground(selectOfferedIndex);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    if (index && !dialog.current?.open) dialog.current?.showModal();
    if (!index) dialog.current?.close();
  }, [index]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      className="url-dialog index-dialog"
      onClose={dismissIndex}
    >
      {/* Keyed by the index: a new offer starts with nothing picked. */}
      {index && (
        <IndexSkillChoice
          key={index.url}
          index={index}
          titleId={titleId}
          onClose={() => dialog.current?.close()}
        />
      )}
    </dialog>
  );
}
