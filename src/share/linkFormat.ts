// What a share link carries, version by version. A link lives in the fragment (`#v=1&s=...`), so
// no server ever sees it; `v` names the format of `s`, and every version stays readable: an older
// link is checked against its own version's shape, then migrated to the current one.

/** The version this build writes. */
export const SHARE_LINK_VERSION = 1;

/**
 * One argument as the tool's form holds it: text stays text, a checkbox is a boolean, a list of
 * strings, or a WIT value's draft (nested lists and records). Never a file: files stay out.
 */
export type LinkArg = string | boolean | null | LinkArg[] | { [key: string]: LinkArg };

/** Where the skill of a link comes from. */
export type LinkedSkill =
  /** A built-in example, by its id. */
  | { from: 'example'; id: string }
  /**
   * A skill loaded from a URL: fetched again when the link is opened, and compared with the
   * SHA-256 (bundleDigest) of the files the link was made from. `path` (the skill's folder inside
   * what the URL serves) or else `root` (its folder name) picks it when the URL holds several.
   */
  | { from: 'url'; url: string; root: string; sha256: string; path?: string }
  /** A small local skill, its text files carried in the link itself (path to text). */
  | { from: 'inline'; root: string; files: Record<string, string> };

/** A non-secret configuration value: a link never carries secrets. */
export interface LinkConfigEntry {
  key: string;
  value: string;
}

/** The instance's run limits that differ from the defaults. */
export interface LinkLimits {
  timeoutMs?: number;
  maxOutputBytes?: number;
  maxMemoryBytes?: number;
}

/**
 * Version 1: the skill, the tool and its arguments, the instance's non-secret configuration and
 * limits, and the open file. Nothing else can be in it: no secret, no permission, no grant.
 * Arguments without a tool are an instructions-only skill's arguments.
 */
export interface ShareLinkV1 {
  skill: LinkedSkill;
  tool?: string;
  args?: Record<string, LinkArg>;
  config?: LinkConfigEntry[];
  limits?: LinkLimits;
  view?: { file?: string };
}

/** The current shape, which every version migrates to. */
export type ShareLink = ShareLinkV1;

/** What a link may be and hold; past these it is refused with a sentence. */
export const LINK_LIMITS = {
  /** The longest fragment made or opened: a link is for chats and issues, not for archives. */
  maxChars: 32 * 1024,
  /** Past this many characters a link is made but flagged: chat apps cut longer links. */
  warnChars: 2000,
  /** What the fragment's data may inflate to; counted while inflating, so a bomb stops early. */
  maxInflatedBytes: 1024 * 1024,
  maxFiles: 200,
  maxArgs: 200,
  maxConfigEntries: 200,
  /** Nesting of an argument's lists and records. */
  maxArgDepth: 32,
  maxNameChars: 256,
  maxUrlChars: 4096,
} as const;

/** Why a link was refused. */
export type ShareLinkErrorCode =
  'TooLong' | 'Malformed' | 'NewerVersion' | 'Damaged' | 'TooLarge' | 'Invalid';

/** A link that cannot be opened, with a sentence for the person. */
export class ShareLinkError extends Error {
  override readonly name = 'ShareLinkError';

  constructor(
    readonly code: ShareLinkErrorCode,
    message: string,
  ) {
    super(message);
  }
}
