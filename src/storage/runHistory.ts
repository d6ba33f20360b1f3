import {
  createStore,
  delMany,
  get,
  promisifyRequest,
  set,
  setMany,
  type UseStore,
} from 'idb-keyval';
import { errorMessage } from '../errors';
import {
  historyRunFormat,
  newestFirst,
  runSummaryFormat,
  summaryOf,
  type HistoryRun,
  type RunSummary,
} from './historyRecord';
import { isStoredObject } from './guards';
import { DATABASES, KEYS, historySummaryRange } from './keys';
import { isQuotaExceeded } from './quota';
import { loadRecord, readRecord, type Loaded } from './readRecord';

/** How much history a skill keeps: the oldest unpinned runs go first past either bound. */
export interface HistoryBounds {
  maxRuns: number;
  maxBytes: number;
}

export const DEFAULT_HISTORY_BOUNDS: HistoryBounds = { maxRuns: 200, maxBytes: 32 * 1024 * 1024 };
export const MAX_RUNS_CEILING = 10_000;

/** What an add or an import did to the history's bound. */
export interface PruneReport {
  /** Unpinned runs removed, oldest first. */
  pruned: number;
  /** Pinned runs alone are past the bound: they are kept, and the person should know. */
  pinnedOverBound: boolean;
}

export class HistoryError extends Error {
  override name = 'HistoryError';
  constructor(
    readonly code: 'full' | 'failed',
    message: string,
  ) {
    super(message);
  }
}

/** A skill's runs as listed: summaries newest first, and how many could not be read. */
export interface RunList {
  runs: RunSummary[];
  unreadable: number;
}

/**
 * Every run kept, in IndexedDB: each run is its own record beside its own summary, written
 * together in one transaction. Nothing is read, changed and written back across runs, so two
 * tabs adding runs at once lose none; the list reads the summaries of one skill by key range.
 */
export class RunHistory {
  readonly #store: UseStore;

  constructor(store?: UseStore) {
    this.#store = store ?? createStore(DATABASES.history.db, DATABASES.history.store);
  }

  /** A history in a database of another name: a test's own. */
  static named(dbName: string): RunHistory {
    return new RunHistory(createStore(dbName, DATABASES.history.store));
  }

  /** Keeps a run, then applies the bound. A full disk refuses it and keeps every earlier run. */
  async add(run: HistoryRun, bounds: HistoryBounds): Promise<PruneReport> {
    await this.#write([run]);
    return this.prune(run.skillKey, bounds);
  }

  async list(skillKey: string): Promise<RunList> {
    const stored = await this.#store('readonly', (store) =>
      promisifyRequest(store.getAll(historySummaryRange(skillKey))),
    );
    const runs: RunSummary[] = [];
    for (const value of stored) {
      const read = readRecord(value, runSummaryFormat);
      if (read.ok && read.value.skillKey === skillKey) runs.push(read.value);
    }
    return { runs: runs.sort(newestFirst), unreadable: stored.length - runs.length };
  }

  async get(skillKey: string, id: string): Promise<Loaded<HistoryRun | undefined>> {
    return loadRecord(() => get(KEYS.historyRun(skillKey, id), this.#store), historyRunFormat);
  }

  async getMany(skillKey: string, ids: string[]): Promise<HistoryRun[]> {
    const runs: HistoryRun[] = [];
    for (const id of ids) {
      const { value } = await this.get(skillKey, id);
      if (value) runs.push(value);
    }
    return runs;
  }

  /** Pins or unpins a run: a pinned run is never pruned. Record and summary change together. */
  async setPinned(skillKey: string, id: string, pinned: boolean): Promise<void> {
    await this.#store('readwrite', async (store) => {
      for (const key of [KEYS.historyRun(skillKey, id), KEYS.historySummary(skillKey, id)]) {
        const value: unknown = await promisifyRequest(store.get(key));
        if (isStoredObject(value)) store.put({ ...value, pinned }, key);
      }
      return promisifyRequest(store.transaction);
    });
  }

  async remove(skillKey: string, ids: string[]): Promise<void> {
    await delMany(
      ids.flatMap((id) => [KEYS.historySummary(skillKey, id), KEYS.historyRun(skillKey, id)]),
      this.#store,
    );
  }

  /** Keeps runs brought back from an export (ids kept: importing twice adds nothing twice). */
  async addMany(runs: HistoryRun[], skillKey: string, bounds: HistoryBounds): Promise<PruneReport> {
    await this.#write(runs);
    return this.prune(skillKey, bounds);
  }

  /** Removes the oldest unpinned runs of a skill until it is within the bounds. */
  async prune(skillKey: string, bounds: HistoryBounds): Promise<PruneReport> {
    const { runs } = await this.list(skillKey);
    let count = runs.length;
    let bytes = runs.reduce((sum, run) => sum + run.bytes, 0);
    const over = () => count > bounds.maxRuns || bytes > bounds.maxBytes;
    const doomed: string[] = [];
    for (const run of [...runs].reverse()) {
      if (!over()) break;
      if (run.pinned) continue;
      doomed.push(run.id);
      count -= 1;
      bytes -= run.bytes;
    }
    if (doomed.length > 0) await this.remove(skillKey, doomed);
    return { pruned: doomed.length, pinnedOverBound: over() };
  }

  /** How many runs a skill keeps, as the person set it (the same in every tab). */
  async readMaxRuns(): Promise<number | undefined> {
    const stored = await get<unknown>(KEYS.historySettings, this.#store).catch(() => undefined);
    const maxRuns = (stored as { maxRuns?: unknown } | undefined)?.maxRuns;
    return typeof maxRuns === 'number' && Number.isInteger(maxRuns) && maxRuns >= 1
      ? Math.min(maxRuns, MAX_RUNS_CEILING)
      : undefined;
  }

  async saveMaxRuns(maxRuns: number): Promise<void> {
    await set(KEYS.historySettings, { version: 1, maxRuns }, this.#store);
  }

  async #write(runs: HistoryRun[]): Promise<void> {
    try {
      // One transaction: a run is kept with its summary, or (disk full) neither is written.
      await setMany(
        runs.flatMap((run): Array<[IDBValidKey, unknown]> => [
          [KEYS.historyRun(run.skillKey, run.id), run],
          [KEYS.historySummary(run.skillKey, run.id), summaryOf(run)],
        ]),
        this.#store,
      );
    } catch (error) {
      const what = runs.length === 1 ? 'This run was' : `These ${runs.length} runs were`;
      throw isQuotaExceeded(error)
        ? new HistoryError(
            'full',
            `The browser's storage is full: ${what.toLowerCase()} not added to the history. Every run kept before is still there; delete or export some runs, or free space for this site.`,
          )
        : new HistoryError('failed', `${what} not kept in the history: ${errorMessage(error)}`);
    }
  }
}
