import { errorMessage } from '../errors';
import {
  describeProgress,
  fetchExampleIndex,
  fetchExampleManifest,
  fetchFromUrl,
  findSkills,
  readFoundSkill,
  summarizeImport,
  UrlLoadError,
  analyzeBundle,
  bundleDigest,
  type Bundle,
  type BundleSource,
  type Found,
  type SkillDescription,
  type UrlContent,
  type UrlLoadProgress,
} from '../bundle';
import type { StoredSkillList } from '../storage';
import { dropFileEdits } from './fileEdits';
import { keepSkill } from './keepSkill';
import { dismissNotice, notify, notifyImport, updateNotice } from './notices';
import { openSkill } from './openSkill';
import { usePlayground } from './playgroundStore';
import { getServices } from './services';
import { refreshStorageUse } from './settings';
import { findSameSource, skillKey, sourceKeyOf } from './skillIdentity';
import { analyze, skillFiles } from './skills';
import type { NoticeAction, SkillEntry, SkillListing } from './types';

// The list of skills: the built-in examples, what was dropped, picked or fetched, and what
// IndexedDB kept from earlier visits.

const { setState } = usePlayground;

/** The absolute URL a link names, without its fragment: what identifies a skill loaded from it. */
function sourceUrl(url: string): string {
  const absolute = new URL(url, window.location.href);
  absolute.hash = '';
  return absolute.href;
}

/** Lists the built-in examples from their SKILL.md alone; their wasm loads when one is opened. */
export async function loadExamples(): Promise<void> {
  try {
    const index = await fetchExampleIndex();
    const listed = await Promise.all(
      index.map(async (example): Promise<SkillEntry> => {
        const listing: SkillListing = {
          key: `example:${example.id}`,
          source: { kind: 'example', id: example.id },
          name: example.id,
          description: '',
          example,
          stored: false,
          needsConsent: false,
        };
        try {
          const manifest = analyzeBundle(await fetchExampleManifest(example));
          return {
            ...listing,
            name: manifest.name,
            description: manifest.description,
            status: 'listed',
          };
        } catch (error) {
          return { ...listing, status: 'failed', loadError: errorMessage(error) };
        }
      }),
    );
    setState((s) => ({
      examplesLoaded: true,
      skills: [...listed, ...s.skills.filter((skill) => skill.source.kind !== 'example')],
    }));
    // Read by npm run bench: when the page became usable.
    performance.mark('examples-listed');
  } catch (error) {
    setState({ examplesLoaded: true });
    notify(`The built-in examples are not available: ${errorMessage(error)}`);
  }
}

/** Lists the skills kept from earlier visits, from their records alone (no files are read). */
export async function loadStoredSkills(): Promise<void> {
  let list: StoredSkillList;
  try {
    list = await getServices().listStoredSkills();
  } catch (error) {
    notify(`The skills kept in this browser could not be read: ${errorMessage(error)}`);
    return;
  }
  for (const { key, reason, name } of list.unreadable) {
    const which = name ? `"${name}" (${key})` : `(${key})`;
    notify(
      `A skill kept in this browser, ${which}, could not be listed: its stored record cannot be read, so it is not shown; its files stay stored. ${reason}`,
    );
  }
  const entries: SkillEntry[] = list.skills.map((meta) => ({
    key: meta.key,
    source: meta.source as BundleSource,
    name: meta.name,
    description: meta.description,
    status: 'listed',
    stored: true,
    storedRoot: meta.rootName,
    ...(meta.sourceSha256 ? { sourceSha256: meta.sourceSha256 } : {}),
    // A skill that came from a link still waits for a click before its code runs.
    needsConsent: meta.source.kind === 'url' || meta.source.kind === 'link',
  }));
  setState((s) => {
    // A skill dropped again before the kept ones were listed is that skill: listed once.
    const known = new Set(s.skills.flatMap((skill) => [skill.key, sourceKeyOf(skill)]));
    return {
      skills: [
        ...s.skills,
        ...entries.filter((entry) => !known.has(entry.key) && !known.has(sourceKeyOf(entry))),
      ],
    };
  });
  performance.mark('workspace-listed');
  void refreshStorageUse();
}

export type UrlLoad =
  { ok: true } | { ok: false; message: string; retryable: boolean; cancelled?: boolean };

/**
 * Loads a skill from a URL (a `?skill=` link or the Load from URL dialog). It is added to the list
 * and opened, but nothing of it runs: a skill-engine skill waits for a click before get-tools.
 * A site that publishes an Agent Skills index has its skills offered to pick from instead
 * (`offeredIndex`; `openIndexSkills` fetches the picked ones).
 * The dialog passes its own progress and Cancel; a link's load shows its progress in a notice
 * with a Cancel button.
 */
export async function loadFromUrl(url: string, options: UrlLoadOptions = {}): Promise<UrlLoad> {
  const fetched = await fetchUrlBundles(url, options);
  if (!fetched.ok) return fetched;
  if (fetched.kind === 'index') {
    setState({ offeredIndex: fetched.index });
    return { ok: true };
  }
  const added = await Promise.all(
    fetched.bundles.map((bundle) => addBundle(bundle, { needsConsent: true })),
  );
  const updated = added.filter((a) => a.replaced).map((a) => a.name);
  // A link to one skill that opens whole says nothing: the opened skill is the news. Anything
  // more (several skills, something skipped, a copy replaced) gets the usual one-line notice.
  const { found } = fetched;
  const plain =
    found.skills.length === 1 && found.skipped.length === 0 && found.problems.length === 0;
  if (!plain || updated.length > 0) notifyImport(summarizeImport(found, updated));
  await openSkill(added[0]!.key);
  return { ok: true };
}

export interface UrlLoadOptions {
  report?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: UrlLoadProgress) => void;
  /** What a failure notice's Try again does; loading the URL again, unless said otherwise. */
  retry?: NoticeAction;
}

type UrlLoadFailure = Extract<UrlLoad, { ok: false }>;

/**
 * Fetches what a URL serves without listing anything: its skills, as bundles whose source is the
 * URL (and each skill's folder in it), or a site's skill index. A failure is said in a notice
 * (unless `report` is false) and returned.
 */
export async function fetchUrlBundles(
  url: string,
  options: UrlLoadOptions = {},
): Promise<
  | { ok: true; kind: 'bundles'; bundles: Bundle[]; found: Found }
  | { ok: true; kind: 'index'; index: Extract<UrlContent, { kind: 'index' }>['index'] }
  | UrlLoadFailure
> {
  const report = options.report ?? true;
  const failed = (message: string, retryable: boolean): UrlLoadFailure => {
    if (report) {
      const retry = options.retry ?? { kind: 'retryLoad', label: 'Try again', url };
      notify(message, 'error', retryable ? retry : undefined);
    }
    return { ok: false, message, retryable };
  };
  const cancelled = (): UrlLoadFailure => {
    if (report) notify(`Loading ${url} was cancelled: nothing was imported.`, 'info');
    return CANCELLED;
  };
  const progressNotice = options.onProgress || !report ? null : new ProgressNotice(url);
  const signals = [options.signal, progressNotice?.load.signal].filter((s) => s !== undefined);
  const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
  let fetched: UrlContent;
  try {
    fetched = await fetchFromUrl(url, window.location.href, {
      signal,
      onProgress: options.onProgress ?? progressNotice?.show,
    });
  } catch (error) {
    if (error instanceof UrlLoadError && error.code === 'Cancelled') return cancelled();
    return failed(errorMessage(error), error instanceof UrlLoadError && error.retryable);
  } finally {
    progressNotice?.remove();
  }
  if (signal?.aborted) return cancelled();
  if (fetched.kind === 'index') return { ok: true, kind: 'index', index: fetched.index };
  let found: Found;
  try {
    found = await findSkills(fetched.files);
  } catch (error) {
    return failed(`What ${url} serves could not be read: ${errorMessage(error)}`, false);
  }
  // A Cancel pressed as the last bytes arrived still means: import nothing.
  if (signal?.aborted) return cancelled();
  if (found.skills.length === 0) return failed(summarizeImport(found).message, false);
  for (const note of fetched.notes) notify(note, 'info');
  const address = sourceUrl(url);
  const bundles = (await Promise.all(found.skills.map(readFoundSkill))).map((bundle) => {
    const path = bundle.source.kind === 'folder' ? bundle.source.path : '';
    const source: BundleSource = { kind: 'url', url: address, ...(path ? { path } : {}) };
    return { ...bundle, source };
  });
  return { ok: true, kind: 'bundles', bundles, found };
}

export const CANCELLED: UrlLoadFailure = {
  ok: false,
  message: 'The load was cancelled.',
  retryable: false,
  cancelled: true,
};

/**
 * An info notice that follows a link's load from its start ("Loading …: 3.1 MiB of 12.0 MiB"),
 * with a Cancel button that aborts `load`, and then goes.
 */
class ProgressNotice {
  readonly load = new AbortController();
  private readonly id: number;
  private shown: string;

  constructor(private readonly url: string) {
    this.shown = `Loading ${url}: waiting for the server…`;
    this.id = notify(this.shown, 'info', { kind: 'cancelLoad', label: 'Cancel', load: this.load });
  }

  readonly show = (progress: UrlLoadProgress) => {
    const message = `Loading ${this.url}: ${describeProgress(progress)}…`;
    // Chunks come far more often than the rounded figure changes.
    if (message === this.shown) return;
    this.shown = message;
    updateNotice(this.id, message);
  };

  remove(): void {
    dismissNotice(this.id);
  }
}

/** Lists a bundle just dropped or fetched, and keeps it for the next visit. */
export async function addBundle(
  bundle: Bundle,
  options: { needsConsent?: boolean } = {},
): Promise<{ key: string; name: string; replaced: boolean }> {
  const before = findSameSource(
    usePlayground.getState().skills,
    skillKey(bundle.source, bundle.rootName),
  );
  const key = before?.key ?? skillKey(bundle.source, bundle.rootName);
  // Parsed once: the list, the stored record and the opened skill all read this analysis.
  const analysis = analyze(bundle);
  const sourceSha256 = bundle.source.kind === 'url' ? await bundleDigest(bundle.files) : undefined;
  if (before?.sourceSha256 && sourceSha256 && before.sourceSha256 !== sourceSha256) {
    notify(
      `${analysis.name} changed at ${bundle.source.kind === 'url' ? bundle.source.url : 'its source'} since it was last loaded: this copy replaces it, and its saved secrets are withheld until you trust this version.`,
      'info',
    );
  }
  // A new copy replaces the old one, edits included.
  void dropFileEdits(key);
  void keepSkill(key, bundle, analysis, sourceSha256 ? { sourceSha256 } : {});
  listBundle(key, bundle, analysis, {
    needsConsent: options.needsConsent === true,
    ...(sourceSha256 ? { sourceSha256 } : {}),
  });
  return { key, name: analysis.name, replaced: before !== undefined };
}

function listBundle(
  key: string,
  bundle: Bundle,
  analysis: SkillDescription,
  listing: Pick<SkillListing, 'needsConsent' | 'sourceSha256'>,
): void {
  const entry: SkillEntry = {
    key,
    source: bundle.source,
    name: analysis.name,
    description: analysis.description,
    status: 'listed',
    stored: false,
    ...listing,
    ...skillFiles(bundle, analysis),
  };
  setState((s) => {
    const exists = s.skills.some((skill) => skill.key === key);
    const runs = { ...s.runs };
    delete runs[key];
    return {
      skills: exists
        ? s.skills.map((skill) => (skill.key === key ? entry : skill))
        : [...s.skills, entry],
      runs,
    };
  });
}
