import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  expect,
  test,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from '@playwright/test';
import { DATABASES } from '../src/storage/keys';

export const BUILT_FIXTURES = path.resolve(import.meta.dirname, '.built');

/** File contents as base64: a megabyte crosses into the page in milliseconds, unlike a number array. */
export type Files = Record<string, string>;

/** A folder's files as path -> base64 bytes, for handing to the page. */
export function readFolder(dir: string, prefix = path.basename(dir)): Files {
  const out: Files = {};
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) Object.assign(out, readFolder(full, `${prefix}/${name}`));
    else out[`${prefix}/${name}`] = readFileSync(full).toString('base64');
  }
  return out;
}

export const text = (s: string) => Buffer.from(s).toString('base64');

/**
 * What the page keeps: for every IndexedDB database (`indexedDB.databases()`) and each of its
 * stores, every key with its value's size and hash; and localStorage the same way.
 */
export type StorageSnapshot = Record<string, Record<string, string[]>>;

/** Records a test's own steps may leave beside an attack, which must leave none. */
export interface KeptRecords {
  /**
   * Skills the person dropped or picked, kept as every drop is: their listing and files, and the
   * tool and tab each was left on.
   */
  skills?: string[];
  /** The transpile cache: a component that loads is transpiled once and kept. */
  transpiles?: boolean;
  /** Runs kept in History: a failed run is recorded as every run is. */
  history?: boolean;
  /** What the person typed and chose meanwhile: each tool's form, the tool and tab shown. */
  inputs?: boolean;
}

function withoutKept(snapshot: StorageSnapshot, kept: KeptRecords): StorageSnapshot {
  const skillKeys = (kept.skills ?? []).map((key) => JSON.stringify(key));
  const keptIn = (db: string): ((record: string) => boolean) | undefined => {
    if (skillKeys.length > 0 && (db === DATABASES.skillMeta.db || db === DATABASES.skillFiles.db))
      return (record) => skillKeys.some((key) => record.startsWith(`${key} `));
    if (skillKeys.length > 0 && db === DATABASES.inputs.db && !kept.inputs)
      return (record) => skillKeys.some((key) => record.startsWith(`["view",${key}]`));
    if (kept.transpiles && (db === DATABASES.transpiles.db || db === DATABASES.transpileIndex.db))
      return () => true;
    if (kept.history && db === DATABASES.history.db) return () => true;
    if (kept.inputs && db === DATABASES.inputs.db) return () => true;
    return undefined;
  };
  const out: StorageSnapshot = {};
  for (const [database, stores] of Object.entries(snapshot)) {
    const isKept = keptIn(database.replace(/^indexedDB /, ''));
    for (const [store, records] of Object.entries(stores)) {
      const left = isKept ? records.filter((record) => !isKept(record)) : records;
      // An empty store keeps nothing: opening a skill makes its databases before any record.
      if (left.length > 0) (out[database] ??= {})[store] = left;
    }
  }
  return out;
}

// Opening a component transpiles it with jco in a fresh browser context (each test starts with an
// empty cache): a few seconds on an idle machine, several times that on a loaded one.
const LOADED = { timeout: 45_000 };

/** The playground as a user sees it: role and label locators, status attributes where none fits. */
export class Playground {
  constructor(readonly page: Page) {}

  /** The playground in a fresh browser context (empty storage), as someone else would open it. */
  static async inFreshContext(
    browser: Browser,
    baseURL: string | undefined,
  ): Promise<{ context: BrowserContext; app: Playground }> {
    const context = await browser.newContext({ baseURL });
    return { context, app: new Playground(await context.newPage()) };
  }

  async open(query = '') {
    await this.page.goto(`/${query}`);
    await expect(this.skills.getByRole('link').first()).toBeVisible();
  }

  get skills(): Locator {
    return this.page.getByRole('navigation', { name: 'Skills' });
  }

  skillLink(name: string): Locator {
    return this.skills.getByRole('link', { name, exact: true });
  }

  async openSkill(name: string, firstTool: string) {
    await this.skillLink(name).click();
    await this.expectLoaded(firstTool);
  }

  /** Waits until the open skill's component has loaded: its first tool's form shows. */
  async expectLoaded(firstTool: string) {
    await expect(this.form(firstTool)).toBeVisible(LOADED);
  }

  /**
   * Drops a built test fixture (e2e/.built/<name>) on the page as a folder, as a user would drag
   * it in, and waits until its skill is the one open and, when given, `firstTool`'s form shows.
   * Each fixture's skill is named as its folder; `folder` drops it under another folder name.
   */
  async openFixture(name: string, firstTool?: string, folder = name) {
    await this.dropFiles(readFolder(path.join(BUILT_FIXTURES, name), folder));
    // Attached, not visible: on a phone the opened skill's Run tab hides the list.
    const open = this.page
      .locator('nav[aria-label="Skills"] a[aria-current="page"]')
      .filter({ hasText: new RegExp(`^${name}$`) });
    await expect(open).toBeAttached();
    if (firstTool) await this.expectLoaded(firstTool);
  }

  tab(toolName: string): Locator {
    return this.page.getByRole('tab', { name: toolName, exact: true });
  }

  form(toolName: string): Locator {
    return this.page.getByRole('form', { name: toolName, exact: true });
  }

  field(toolName: string, param: string): Locator {
    return this.form(toolName).getByLabel(param, { exact: true });
  }

  get result(): Locator {
    return this.page.getByRole('region', { name: 'Result' });
  }

  get output(): Locator {
    return this.result.getByTestId('run-output');
  }

  /** Presses Run; waits until the click has reached the page (the run id changes or a field error shows). */
  async run(toolName: string) {
    const before = await this.result.getAttribute('data-run-id');
    await this.form(toolName).getByRole('button', { name: 'Run', exact: true }).click();
    await expect(async () => {
      const now = await this.result.getAttribute('data-run-id');
      const refused = await this.form(toolName).locator('.field-error').count();
      expect(now !== before || refused > 0).toBe(true);
    }).toPass({ timeout: 10_000 });
  }

  async expectStatus(status: 'ok' | 'error' | 'timeout' | 'cancelled' | 'running') {
    await expect(this.result).toHaveAttribute('data-run-status', status);
  }

  get configuration(): Locator {
    return this.page.getByRole('form', { name: 'Configuration' });
  }

  /**
   * Fills and saves the Configuration form: a key the skill declares (or one already there) in
   * its row, any other in a row it adds; the keys in `secrets` are marked secret; then waits
   * for the verdict.
   */
  async setConfig(entries: Record<string, string>, secrets: string[] = []) {
    const config = this.configuration;
    for (const [key, value] of Object.entries(entries)) {
      const field = config.getByLabel(`Value of ${key}`, { exact: true });
      if ((await field.count()) === 0) {
        await config.getByRole('button', { name: 'Add value' }).click();
        await config
          .getByLabel(/^Key \d+$/)
          .last()
          .fill(key);
      }
      await field.fill(value);
      if (secrets.includes(key)) {
        await config
          .locator(`[data-config-key="${key}"]`)
          .getByRole('checkbox', { name: 'secret' })
          .check();
      }
    }
    await config.getByRole('button', { name: 'Save configuration' }).click();
    await expect(config.getByRole('status')).toContainText('Saved');
    return config;
  }

  /** The Instance choice of the open skill. */
  get instance(): Locator {
    return this.page.getByRole('combobox', { name: 'Instance' });
  }

  /** Makes an instance of the open skill (New, or Duplicate of the chosen one); waits until it is chosen. */
  async newInstance(name: string, how: 'New' | 'Duplicate' = 'New') {
    const verb = how === 'New' ? 'Create' : 'Duplicate';
    await this.page
      .getByRole('group', { name: 'Instances' })
      .getByRole('button', { name: how, exact: true })
      .click();
    const naming = this.page.getByRole('form', { name: `${verb} instance` });
    await naming.getByLabel('Instance name').fill(name);
    await naming.getByRole('button', { name: verb, exact: true }).click();
    await expect(this.instance).toHaveValue(name);
  }

  /** The open skill's key, as its link in the Skills list carries it. */
  async currentSkillKey(): Promise<string> {
    const href = await this.skills.locator('a[aria-current="page"]').getAttribute('href');
    if (!href?.startsWith('#skill=')) throw new Error(`No skill is open (link: ${href}).`);
    return decodeURIComponent(href.slice('#skill='.length));
  }

  /**
   * The text of the open skill's edit of `path` as kept in IndexedDB (null when none is kept):
   * what a reload will show. Edits are written after a pause in typing; poll this rather than wait.
   */
  async savedEdit(path: string): Promise<string | null> {
    const key = await this.currentSkillKey();
    const { db, store } = DATABASES.fileEdits;
    return this.page.evaluate(
      async ([dbName, storeName, skillKey, filePath]) => {
        // Opening a database that does not exist would create it without its store.
        if (!(await indexedDB.databases()).some((d) => d.name === dbName)) return null;
        const database = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(dbName);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        try {
          if (!database.objectStoreNames.contains(storeName)) return null;
          const record = await new Promise<{ files?: Array<[string, Uint8Array]> } | undefined>(
            (resolve, reject) => {
              const request = database
                .transaction(storeName, 'readonly')
                .objectStore(storeName)
                .get(skillKey);
              request.onsuccess = () => resolve(request.result);
              request.onerror = () => reject(request.error);
            },
          );
          const bytes = record?.files?.find(([p]) => p === filePath)?.[1];
          return bytes ? new TextDecoder().decode(bytes) : null;
        } finally {
          database.close();
        }
      },
      [db, store, key, path] as const,
    );
  }

  /** The open skill's History region, shown by its button below the form. */
  get history(): Locator {
    return this.page.getByRole('region', { name: 'History' });
  }

  async showHistory() {
    await this.page
      .getByRole('group', { name: 'Result or history' })
      .getByRole('button', { name: /^History/ })
      .click();
    await expect(this.history).toBeVisible();
  }

  /** Shows the last result again in place of the History region. */
  async showResult() {
    await this.page
      .getByRole('group', { name: 'Result or history' })
      .getByRole('button', { name: 'Result', exact: true })
      .click();
    await expect(this.result).toBeVisible();
  }

  /** The History region's runs as listed (newest first), each a list item. */
  get historyRuns(): Locator {
    return this.history.getByRole('list', { name: 'Runs' }).getByRole('listitem');
  }

  /** A value kept in one of the playground's IndexedDB stores, or null when there is none. */
  async storedValue(
    database: { db: string; store: string },
    key: string | string[],
  ): Promise<unknown> {
    return this.page.evaluate(
      async ([dbName, storeName, storedKey]) => {
        if (!(await indexedDB.databases()).some((d) => d.name === dbName)) return null;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(dbName);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        try {
          if (!db.objectStoreNames.contains(storeName)) return null;
          return await new Promise<unknown>((resolve, reject) => {
            const request = db.transaction(storeName).objectStore(storeName).get(storedKey);
            request.onsuccess = () => resolve(request.result ?? null);
            request.onerror = () => reject(request.error);
          });
        } finally {
          db.close();
        }
      },
      [database.db, database.store, key] as const,
    );
  }

  /**
   * Everything the page keeps, to compare before and after an attack (`expectStorageUnchanged`).
   * Values are summed up, not copied: a transpiled component is megabytes.
   */
  async storageSnapshot(): Promise<StorageSnapshot> {
    return this.page.evaluate(async () => {
      // FNV-1a over a walk of the value; long byte arrays are sampled (their length always counts).
      let hash = 0x811c9dc5;
      let size = 0;
      const mix = (n: number) => {
        hash = Math.imul(hash ^ (n & 0xff), 0x01000193) >>> 0;
        size += 1;
      };
      const mixText = (text: string) => {
        for (let i = 0; i < text.length; i++) mix(text.charCodeAt(i));
      };
      const walk = (value: unknown): void => {
        if (value instanceof ArrayBuffer) return walk(new Uint8Array(value));
        if (ArrayBuffer.isView(value)) {
          const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
          mixText(`bytes:${bytes.length}`);
          const step = Math.max(1, Math.floor(bytes.length / 4096));
          for (let i = 0; i < bytes.length; i += step) mix(bytes[i]!);
          size += bytes.length;
          return;
        }
        if (value instanceof Blob) return mixText(`blob:${value.type}:${value.size}`);
        if (value instanceof Date) return mixText(`date:${value.getTime()}`);
        if (value instanceof Map || value instanceof Set || Array.isArray(value)) {
          mixText(`[${Object.prototype.toString.call(value)}`);
          for (const item of value instanceof Map ? [...value.entries()] : value) walk(item);
          return mixText(']');
        }
        if (value && typeof value === 'object') {
          mixText('{');
          for (const key of Object.keys(value).sort()) {
            mixText(key);
            walk((value as Record<string, unknown>)[key]);
          }
          return mixText('}');
        }
        mixText(`${typeof value}:${String(value)}`);
      };
      const summary = (key: unknown, value: unknown) => {
        hash = 0x811c9dc5;
        size = 0;
        walk(value);
        return `${JSON.stringify(key)} (${size} B, ${hash.toString(16)})`;
      };
      const request = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      const snapshot: Record<string, Record<string, string[]>> = {
        localStorage: {
          '': Object.keys(localStorage)
            .sort()
            .map((key) => summary(key, localStorage.getItem(key))),
        },
      };
      for (const { name } of await indexedDB.databases()) {
        if (!name) continue;
        const db = await request(indexedDB.open(name));
        try {
          const stores: Record<string, string[]> = {};
          for (const store of [...db.objectStoreNames].sort()) {
            const objects = db.transaction(store).objectStore(store);
            const [keys, values] = await Promise.all([
              request(objects.getAllKeys()),
              request(objects.getAll()),
            ]);
            stores[store] = keys.map((key, i) => summary(key, values[i]));
          }
          snapshot[`indexedDB ${name}`] = stores;
        } finally {
          db.close();
        }
      }
      return snapshot;
    });
  }

  /**
   * Nothing the page keeps has changed since `before` was taken: no database, key or value, but
   * for the records `kept` names, which the test's own steps legitimately add or change.
   */
  async expectStorageUnchanged(before: StorageSnapshot, kept: KeptRecords = {}) {
    const after = await this.storageSnapshot();
    expect(withoutKept(after, kept), 'what the page keeps (IndexedDB, localStorage)').toEqual(
      withoutKept(before, kept),
    );
  }

  /**
   * After an attack, a normal skill still opens and runs: the unruly-skill fixture echoes what it
   * is given. When it is the skill open (the attack was one of its tools), its echo tool is used;
   * otherwise it is dropped as a folder first.
   */
  async expectNormalRunWorks(message = 'a normal run afterwards') {
    const open = this.skills.locator('a[aria-current="page"]');
    if ((await open.count()) > 0 && (await open.textContent()) === 'unruly-skill') {
      await this.tab('echo').click();
    } else {
      await this.openFixture('unruly-skill', 'echo');
    }
    await this.field('echo', 'message').fill(message);
    await this.run('echo');
    await this.expectStatus('ok');
    await expect(this.output).toContainText(message);
  }

  /**
   * The finished run's own time in ms as the runtime measured it, read from its timings line: the
   * call's ("call 1.20 s"), or for a run the host stopped, from the start of its limit ("stopped
   * after 512 ms"). Loading and the worker's start are not in it; for figures, never assertions.
   */
  async runTime(): Promise<number> {
    const line = await this.result.getByTestId('run-timings').first().textContent();
    const found = /(?:call|after) ([\d.]+) (ms|s)\b/.exec(line ?? '');
    if (!found) throw new Error(`The result's timings say no run time: "${line}".`);
    return Number(found[1]) * (found[2] === 's' ? 1000 : 1);
  }

  /** Opens the form's "Limits" disclosure (run limits and Keep warm), if it is closed. */
  async openLimits() {
    const limits = this.page.locator('details.limits');
    if (!(await limits.evaluate((d) => (d as HTMLDetailsElement).open))) {
      await limits.getByText('Limits', { exact: true }).click();
    }
    return limits;
  }

  /**
   * Picks `bytes` as the file `name` with the Open skill file picker. The bytes are written to
   * the test's output folder and picked by path, so the browser reads them from disk: handing
   * them over as a buffer decodes them in the page, a long task that is the test's, not the app's.
   */
  async pickFile(name: string, bytes: Uint8Array) {
    const file = test.info().outputPath(name);
    writeFileSync(file, bytes);
    await this.page.getByLabel('Open skill file').setInputFiles(file);
  }

  async setTimeoutMs(ms: number) {
    await this.openLimits();
    const input = this.page.getByLabel('Timeout (ms)');
    await input.fill(String(ms));
    await input.press('Enter');
  }

  /** Opens the Settings dialog (theme, transpile cache, storage) and returns it. */
  async openSettings(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Settings' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** The compatibility table, opened from its line under the skill's header. */
  async compatibility(): Promise<Locator> {
    const line = this.page.locator('details.compat-line');
    if (!(await line.evaluate((d) => (d as HTMLDetailsElement).open))) {
      await line.locator('summary').click();
    }
    return this.page.getByRole('region', { name: 'Compatibility' });
  }

  /** Opens a file of the open skill from the Files pane: text in the editor. */
  async openFile(name: string) {
    await this.page
      .getByRole('list', { name: 'Files of this skill' })
      .getByRole('button', { name, exact: true })
      .click();
  }

  /** The open file's editor (Monaco, once loaded). */
  get editor(): Locator {
    return this.page.getByTestId('code-editor');
  }

  /**
   * Drops files on the page through a DataTransfer built in the page, as a drag from a file
   * manager would. Paths with "/" name the folders. Chromium gives synthetic items no
   * FileSystemEntry, so this exercises the File-name path.
   */
  async dropFiles(files: Files) {
    await this.page.evaluate((entries) => {
      const decode = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      for (const [name, b64] of Object.entries(entries)) {
        data.items.add(new File([decode(b64)], name));
      }
      const target = document.querySelector('main')!;
      target.dispatchEvent(new DragEvent('dragenter', { bubbles: true, dataTransfer: data }));
      target.dispatchEvent(
        new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }),
      );
      target.dispatchEvent(
        new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }),
      );
    }, files);
  }

  /**
   * Drops a folder the way Chromium delivers a real one: one DataTransferItem whose
   * webkitGetAsEntry() is a directory entry, read in batches by readEntries().
   */
  async dropFolderAsEntries(files: Files) {
    await this.page.evaluate((entries) => {
      const decode = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      type Node = { name: string; children?: Map<string, Node>; bytes?: string };
      const root: Node = { name: '', children: new Map() };
      for (const [p, bytes] of Object.entries(entries)) {
        const parts = p.split('/');
        let node = root;
        parts.forEach((part, i) => {
          if (i === parts.length - 1) node.children!.set(part, { name: part, bytes });
          else {
            if (!node.children!.has(part))
              node.children!.set(part, { name: part, children: new Map() });
            node = node.children!.get(part)!;
          }
        });
      }
      const entryOf = (node: Node): unknown =>
        node.children
          ? {
              name: node.name,
              isFile: false,
              isDirectory: true,
              createReader() {
                // Real readers hand out entries in batches until an empty one.
                const pending = [...node.children!.values()].map(entryOf);
                return {
                  readEntries: (ok: (batch: unknown[]) => void) =>
                    setTimeout(() => ok(pending.splice(0, 2))),
                };
              },
            }
          : {
              name: node.name,
              isFile: true,
              isDirectory: false,
              file: (ok: (f: File) => void) => ok(new File([decode(node.bytes!)], node.name)),
            };
      const items = [...root.children!.values()].map((node) => ({
        kind: 'file',
        webkitGetAsEntry: () => entryOf(node),
        getAsFile: () => null,
      }));
      const fake = { items, files: [], types: ['Files'], dropEffect: 'none' };
      const event = new DragEvent('drop', { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'dataTransfer', { value: fake });
      document.querySelector('main')!.dispatchEvent(event);
    }, files);
  }
}
