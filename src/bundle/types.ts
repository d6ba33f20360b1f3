import type { FileMap } from '../vfs';

/**
 * Where a bundle came from, shown to the user and used to reopen it: together with the skill's
 * folder name, what identifies a skill (skillKey in store/). `path` is the skill's folder inside
 * what was dropped, picked or fetched ('' when that was the skill itself), so two skills of one
 * name from two places stay two.
 */
export type BundleSource =
  | { kind: 'example'; id: string }
  /** `name`: the folder dropped or picked. */
  | { kind: 'folder'; name: string; path: string }
  /** `name`: the archive's file name; `path` is under its single top-level folder. */
  | { kind: 'archive'; name: string; path: string }
  /** `path` is absent on skills kept before skills were found at any depth. */
  | { kind: 'url'; url: string; path?: string }
  | { kind: 'wasm'; name: string }
  /** An awaken SkillSpec JSON record, imported as an instructions-only skill. */
  | { kind: 'skillspec'; name: string }
  /** Carried inside a share link; its SHA-256 (bundleDigest) keeps two such skills apart. */
  | { kind: 'link'; name: string; sha256: string };

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
  /** Unpacked from a tar link: the path (in the same terms) of the file it copies. */
  linkTo?: string;
}
