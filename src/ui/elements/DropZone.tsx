import { useEffect, useRef, useState, type ReactNode } from 'react';
import { pickedFromDataTransfer, type PickedFile } from '../../bundle';

interface Props {
  onPicked: (files: Promise<PickedFile[]>) => void;
  children: ReactNode;
}

/** The whole page takes drops of folders and files; an overlay says so while dragging. */
export function DropZone({ onPicked, children }: Props) {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);

  useEffect(() => {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth.current += 1;
      setDragging(true);
    };
    const leave = () => {
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const drop = (event: DragEvent) => {
      if (!event.dataTransfer) return;
      event.preventDefault();
      depth.current = 0;
      setDragging(false);
      // Read the entries now: the DataTransfer is emptied once this handler returns.
      onPicked(pickedFromDataTransfer(event.dataTransfer));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [onPicked]);

  return (
    <>
      {children}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop a skill folder, a repository, an archive or a .wasm component
        </div>
      )}
    </>
  );
}
