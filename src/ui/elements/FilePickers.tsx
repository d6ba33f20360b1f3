import type { ChangeEvent } from 'react';
import { pickedFromFileList, type PickedFile } from '../../bundle';

interface Props {
  onPicked: (files: PickedFile[]) => void;
}

/** The two ways to pick a skill without dragging: a folder, or a single file. */
export function FilePickers({ onPicked }: Props) {
  const handle = (event: ChangeEvent<HTMLInputElement>) => {
    const files = event.target.files;
    if (files && files.length > 0) onPicked(pickedFromFileList(files));
    // Let the same folder be picked again after an edit.
    event.target.value = '';
  };
  return (
    <div className="pickers">
      <label className="button">
        Open skill folder
        <input
          type="file"
          className="visually-hidden"
          onChange={handle}
          {...{ webkitdirectory: '', directory: '' }}
        />
      </label>
      <label className="button">
        Open skill file
        <input
          type="file"
          className="visually-hidden"
          accept=".wasm,.zip,.skill,.tar.gz,.tgz,.json"
          onChange={handle}
        />
      </label>
    </div>
  );
}
