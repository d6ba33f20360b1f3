import type { FileMap } from '../vfs';

/** Where a bundle came from, shown to the user and used to reopen it. */
export type BundleSource =
  | { kind: 'example'; id: string }
  | { kind: 'folder'; name: string }
  | { kind: 'archive'; name: string }
  | { kind: 'url'; url: string }
  | { kind: 'wasm'; name: string }
  /** An awaken SkillSpec JSON record, imported as an instructions-only skill. */
  | { kind: 'skillspec'; name: string };

/** The files of one skill: path (relative to the skill root, `/`-separated) to bytes. */
export interface Bundle {
  /** The name of the folder (or file) the skill came in: the spec's name must equal it. */
  rootName: string;
  files: FileMap;
  source: BundleSource;
}

export type Severity = 'error' | 'warning' | 'info';

/** One finding about a bundle, precise enough to jump to. Lines and columns count from 1. */
export interface Diagnostic {
  file: string;
  line?: number;
  column?: number;
  rule: string;
  severity: Severity;
  message: string;
}

/** A file the person handed us, with its path relative to what they picked or dropped. */
export interface PickedFile {
  path: string;
  file: Blob;
}
