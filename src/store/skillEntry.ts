import type {
  Bundle,
  BundleSource,
  Diagnostic,
  ExampleEntry,
  FoundSkill,
  SkillDescription,
} from '../bundle';
import type {
  ComponentInfo,
  ComponentKind,
  ComponentSource,
  LoadSource,
  SkillMetadata,
} from '../runtime';
import type { Tool } from '../tools';
import type { UnsupportedExport } from '../wit';
import type { FileMap } from '../vfs';

/** What the list knows of a skill before it is opened: its record, or its SKILL.md alone. */
export interface SkillListing {
  /** Stable across reloads: where it came from and its folder name. */
  key: string;
  source: BundleSource;
  name: string;
  description: string;
  /** A built-in example: its files are fetched when it is opened. */
  example?: ExampleEntry;
  /** Kept in IndexedDB: listed from its record at start-up, its files read when opened. */
  stored: boolean;
  /** The folder name a stored skill came in (its bundle is read later). */
  storedRoot?: string;
  /** Came from a link: no code of it runs (not even get-tools) before the person says so. */
  needsConsent: boolean;
  /** SHA-256 of the files as loaded (bundleDigest), for skills loaded from a URL. */
  sourceSha256?: string;
  /** Just dropped or picked: its files' handles, read when it is opened. */
  unread?: FoundSkill;
}

/** A skill's files and what they say, once read. */
export interface SkillFiles {
  bundle: Bundle;
  /** Names this copy of the bundle for the worker, which keeps its files between runs. */
  bundleId: string;
  analysis: SkillDescription;
  /** The files edited in the editor, with what they held before (for Revert). */
  originals: FileMap;
}

/** The skill's component, once its worker has loaded it and told what it is. */
export interface LoadedComponent {
  component: ComponentSource;
  kind: ComponentKind;
  info: ComponentInfo;
  /** How long the component took to get ready, and whether jco ran for it. */
  load: { ms: number; from: LoadSource };
}

/** A skill whose tools are known. */
export interface ReadySkill {
  /** Absent when there is nothing to run: instructions only, or an Extism capsule. */
  loaded?: LoadedComponent;
  metadata?: SkillMetadata;
  tools: Tool[];
  /** A plain component's exports that cannot be called yet (resources, async), and why. */
  unsupportedExports: UnsupportedExport[];
  /** Findings made while loading (manifests read for the component's kind). */
  loadDiagnostics: Diagnostic[];
  /** Why a skill that loaded offers nothing to call, in a sentence. */
  note?: string;
}

/**
 * Where loading a skill has got to: its files read, its component found in the transpile cache
 * or wrapped and transpiled, compiled and instantiated, and (a skill-engine skill) its tools asked.
 */
export type LoadStage =
  'fetching' | 'cache' | 'wrapping' | 'transpiling' | 'compiling' | 'instantiating' | 'tools';

/**
 * A skill in the list, by where it is in its life: listed (maybe with its files, if it was just
 * dropped), loading, waiting for consent to run its code, ready with its tools, or failed.
 */
export type SkillEntry =
  | (SkillListing &
      Partial<SkillFiles> & {
        status: 'listed' | 'loading';
        /** While loading: the stage it is at, and since when (performance.now()). */
        loadStage?: LoadStage;
        loadStartedAt?: number;
      })
  | (SkillListing & SkillFiles & { status: 'consent'; loaded: LoadedComponent })
  | (SkillListing & SkillFiles & ReadySkill & { status: 'ready' })
  | (SkillListing &
      Partial<SkillFiles> & {
        status: 'failed';
        /** Why, in a sentence. */
        loadError: string;
        /** The entry component, when one was found: its instance can still be configured. */
        component?: ComponentSource;
        loadDiagnostics?: Diagnostic[];
      });

export type SkillStatus = SkillEntry['status'];

/** The skill's entry component, in any state that has one. */
export function skillComponent(skill: SkillEntry): ComponentSource | undefined {
  switch (skill.status) {
    case 'consent':
      return skill.loaded.component;
    case 'ready':
      return skill.loaded?.component;
    case 'failed':
      return skill.component;
    default:
      return undefined;
  }
}

/** The tools a skill offers now: none until it is ready. */
export const skillTools = (skill: SkillEntry): Tool[] =>
  skill.status === 'ready' ? skill.tools : [];

/** The listing part of any entry: what survives going back to the list. */
export function listingOf(skill: SkillEntry): SkillListing {
  const {
    key,
    source,
    name,
    description,
    example,
    stored,
    storedRoot,
    needsConsent,
    sourceSha256,
    unread,
  } = skill;
  return {
    key,
    source,
    name,
    description,
    stored,
    needsConsent,
    ...(example ? { example } : {}),
    ...(storedRoot ? { storedRoot } : {}),
    ...(sourceSha256 ? { sourceSha256 } : {}),
    ...(unread ? { unread } : {}),
  };
}

/** The files part of an entry, when it has them. */
export function filesOf(skill: SkillEntry): SkillFiles | undefined {
  const { bundle, bundleId, analysis, originals } = skill;
  return bundle && bundleId && analysis && originals
    ? { bundle, bundleId, analysis, originals }
    : undefined;
}
