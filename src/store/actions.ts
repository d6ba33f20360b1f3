import {
  analyzeBundle,
  bundlesFromPicked,
  componentTools,
  fetchExampleBundle,
  fetchExampleIndex,
  fetchExampleManifest,
  fetchSkillFiles,
  UrlLoadError,
  type Bundle,
  type BundleSource,
  type PickedFile,
  type SkillDescription,
  type Tool,
  type ValidationMode,
} from '../bundle';
import {
  fieldsFromSchema,
  initialDrafts,
  initialWitDrafts,
  readDrafts,
  readWitDrafts,
  schemaFromSkillParameters,
  toSkillEngineArgs,
  type DraftValue,
} from '../forms';
import {
  buildAuditRecord,
  buildSkillEnv,
  commandStdin,
  componentId,
  componentKind,
  configToValidateJson,
  DEFAULT_MAX_MEMORY_BYTES,
  DEFAULT_MAX_OUTPUT_BYTES,
  DEFAULT_TIMEOUT_MS,
  describeSkill,
  executeTool,
  readCommandOutput,
  validateConfig,
  type ComponentSource,
  type ConfigEntry,
  type ExitStatus,
  type RunOutcome,
  type ToolDefinition,
} from '../runtime';
import { saveSettings, type StoredInstance } from '../storage';
import { diffFiles } from '../vfs';
import { formatWave, witTypeText } from '../wit';
import { draftKey, usePlayground } from './playgroundStore';
import { disposeHost, getServices, hostFor } from './services';
import { dropFileEdits, withFileEdits } from './fileActions';
import { bundlePatch, commandToolsPatch, getSkill, updateSkill } from './skillState';
import type { Notice, RunState, SkillEntry } from './types';

const { getState, setState } = usePlayground;

// ---- notices ----------------------------------------------------------------------------------

let nextNoticeId = 1;
export function notify(message: string, tone: Notice['tone'] = 'error', retry?: () => void): void {
  setState((s) => ({
    notices: [...s.notices, { id: nextNoticeId++, tone, message, ...(retry ? { retry } : {}) }],
  }));
}

export function dismissNotice(id: number): void {
  setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}

// ---- the skill list ---------------------------------------------------------------------------

/**
 * Loads a skill from a URL (a `?skill=` link or the Load from URL dialog). It is added to the list
 * and opened, but nothing of it runs: a skill-engine skill waits for a click before get-tools.
 */
export type UrlLoad = { ok: true } | { ok: false; message: string; retryable: boolean };

export async function loadFromUrl(
  url: string,
  options: { report?: boolean } = {},
): Promise<UrlLoad> {
  const report = options.report ?? true;
  const failed = (message: string, retryable: boolean): UrlLoad => {
    if (report) notify(message, 'error', retryable ? () => void loadFromUrl(url) : undefined);
    return { ok: false, message, retryable };
  };
  let picked: PickedFile[];
  try {
    picked = await fetchSkillFiles(url, window.location.href);
  } catch (error) {
    return failed((error as Error).message, error instanceof UrlLoadError && error.retryable);
  }
  const grouped = await bundlesFromPicked(picked);
  if (grouped.bundles.length === 0) {
    return failed(grouped.problems.join(' ') || `${url} holds no skill.`, false);
  }
  for (const problem of grouped.problems) notify(problem);
  let firstKey: string | undefined;
  for (const bundle of grouped.bundles) {
    const key = addBundle({ ...bundle, source: { kind: 'url', url } }, { needsConsent: true });
    firstKey ??= key;
  }
  await selectSkill(firstKey!);
  return { ok: true };
}

export function skillKey(source: BundleSource, rootName: string): string {
  return source.kind === 'example' ? `example:${source.id}` : `${source.kind}:${rootName}`;
}

/** Lists the built-in examples from their SKILL.md alone; their wasm loads when one is opened. */
export async function loadExamples(): Promise<void> {
  try {
    const index = await fetchExampleIndex();
    const listed = await Promise.all(
      index.map(async (example): Promise<SkillEntry> => {
        const key = `example:${example.id}`;
        try {
          const manifest = analyzeBundle(await fetchExampleManifest(example));
          return {
            key,
            source: { kind: 'example', id: example.id },
            name: manifest.name,
            description: manifest.description,
            status: 'listed',
            example,
            tools: [],
            loadDiagnostics: [],
          };
        } catch (error) {
          return {
            key,
            source: { kind: 'example', id: example.id },
            name: example.id,
            description: '',
            status: 'failed',
            example,
            tools: [],
            loadDiagnostics: [],
            loadError: (error as Error).message,
          };
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
    notify(`The built-in examples are not available: ${(error as Error).message}`);
  }
}

/** Adds what the user dropped or picked; a skill dropped again replaces the earlier copy. */
export async function addPicked(picked: PickedFile[]): Promise<void> {
  if (picked.length === 0) {
    notify('Nothing to open: the drop held no files.');
    return;
  }
  let grouped;
  try {
    grouped = await bundlesFromPicked(picked);
  } catch (error) {
    notify(`The files could not be read: ${(error as Error).message}`);
    return;
  }
  for (const problem of grouped.problems) notify(problem);
  let firstKey: string | undefined;
  for (const bundle of grouped.bundles) {
    const key = addBundle(bundle);
    firstKey ??= key;
  }
  if (firstKey) await selectSkill(firstKey);
}

function addBundle(bundle: Bundle, options: { needsConsent?: boolean } = {}): string {
  const key = skillKey(bundle.source, bundle.rootName);
  // Parsed once: the list, the stored record and the opened skill all read this analysis.
  const analysis = analyzeBundle(bundle, getState().validationMode);
  // A new copy replaces the old one, edits included.
  void dropFileEdits(key);
  void persistSkill(key, bundle, analysis);
  return showBundle(key, bundle, analysis, options);
}

/** Keeps a dropped or fetched skill in IndexedDB; a full disk costs only persistence, never the skill. */
async function persistSkill(
  key: string,
  bundle: Bundle,
  analysis: SkillDescription,
): Promise<void> {
  const bytes = [...bundle.files.values()].reduce((sum, b) => sum + b.byteLength, 0);
  try {
    await getServices().saveSkill(
      {
        version: 1,
        key,
        source: bundle.source,
        rootName: bundle.rootName,
        name: analysis.name,
        description: analysis.description,
        bytes,
        addedAt: Date.now(),
      },
      bundle.files,
    );
    updateSkill(key, { stored: true });
  } catch (error) {
    const full = (error as Error).name === 'QuotaExceededError';
    notify(
      full
        ? `The browser storage is full: ${bundle.rootName} is open for this page only and will be gone after a reload. Remove skills or clear the transpile cache to make room.`
        : `${bundle.rootName} could not be kept for the next visit: ${(error as Error).message}`,
    );
  }
  void refreshStorageUse();
}

function showBundle(
  key: string,
  bundle: Bundle,
  analysis: SkillDescription,
  options: { needsConsent?: boolean },
): string {
  const entry: SkillEntry = {
    key,
    source: bundle.source,
    name: analysis.name,
    description: analysis.description,
    status: 'listed',
    bundle,
    analysis,
    tools: [],
    loadDiagnostics: [],
    ...(options.needsConsent ? { needsConsent: true } : {}),
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
  return key;
}

/** Opens a skill: reads its files if it has none yet, then learns its tools from its component. */
export async function selectSkill(key: string): Promise<void> {
  setState({ selectedKey: key });
  const skill = getSkill(key);
  if (
    !skill ||
    skill.status === 'loading' ||
    skill.status === 'ready' ||
    skill.status === 'consent'
  )
    return;
  if (skill.status === 'failed' && !skill.bundle) return;
  updateSkill(key, { status: 'loading', loadError: undefined, loadDiagnostics: [] });
  void ensureInstance(key);

  let bundle = skill.bundle;
  if (!bundle && skill.stored) {
    const files = await getServices()
      .loadSkillFiles(key)
      .catch(() => undefined);
    if (!files) {
      updateSkill(key, {
        status: 'failed',
        loadError: 'The stored files of this skill could not be read; drop it again.',
      });
      return;
    }
    bundle = { rootName: skill.storedRoot ?? skill.name, files, source: skill.source };
  }
  if (!bundle && skill.example) {
    try {
      bundle = await fetchExampleBundle(skill.example);
    } catch (error) {
      updateSkill(key, { status: 'failed', loadError: (error as Error).message });
      return;
    }
  }
  if (!bundle) return;
  // Files just read get the edits made to them in earlier visits.
  if (bundle !== skill.bundle) bundle = await withFileEdits(key, bundle);
  // A dropped skill was analysed when it was added (and again on a mode change); examples and
  // stored skills are analysed here, when their files are first read.
  const analysis =
    skill.bundle === bundle && skill.analysis
      ? skill.analysis
      : analyzeBundle(bundle, getState().validationMode);
  updateSkill(key, bundlePatch(bundle, analysis));

  const entry = analysis.entry;
  if (analysis.capsule) {
    // An Extism plugin: described from Capsule.toml, not run (see the capsule panel).
    updateSkill(key, { status: 'ready' });
    return;
  }
  if (!entry || entry.kind === 'not-wasm') {
    // Nothing to run: instructions only, or the diagnostics say why.
    updateSkill(key, { status: entry ? 'failed' : 'ready' });
    return;
  }
  const component = await componentFor(bundle, entry.path, analysis.name);
  updateSkill(key, { component });
  const options = await loadOptions(key);

  // Load first, without running anything, to learn what kind of component this is.
  const probe = await hostFor(key).run({ ...options, component, calls: [] });
  if (probe.status !== 'ok' || !probe.info) {
    const error =
      probe.status === 'ok'
        ? { code: 'InvalidComponent', message: 'nothing was loaded' }
        : probe.error;
    updateSkill(key, { status: 'failed', loadError: describeLoadError(error.code, error.message) });
    return;
  }
  const kind = componentKind(probe.info);
  const load = {
    ms: probe.timings.wrapMs + probe.timings.transpileMs + probe.timings.compileMs,
    from: probe.loadedFrom,
  };
  updateSkill(key, { kind, info: probe.info, load });
  if (probe.loadedFrom === 'bytes') setTimeout(() => void refreshCacheStats(), 500);

  if (kind === 'command') {
    const { tools, loadDiagnostics } = commandToolsPatch(bundle.files, analysis);
    readyWithTools(key, tools, { loadDiagnostics });
    return;
  }
  if (kind === 'component') {
    await readyWithExports(key, component.bytes);
    return;
  }
  if (skill.needsConsent) {
    // Listing a skill-engine skill's tools runs its code: from a link, only after a click.
    updateSkill(key, { status: 'consent' });
    return;
  }
  await describeTools(key);
}

/** The user's go-ahead to run get-metadata and get-tools of a skill that came from a link. */
export async function allowSkillCode(key: string): Promise<void> {
  updateSkill(key, { needsConsent: false, status: 'loading' });
  await describeTools(key);
}

/** What loading a component and listing its tools run with: the instance's env and limits. */
async function loadOptions(key: string) {
  const instance = await ensureInstance(key);
  return {
    env: envFor(key, instance),
    config: configFor(instance),
    timeoutMs: instance.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxOutputBytes: DEFAULT_MAX_OUTPUT_BYTES,
    maxMemoryBytes: instance.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES,
  };
}

async function describeTools(key: string): Promise<void> {
  const skill = getSkill(key);
  if (!skill?.component || !skill.analysis) return;
  const { component, analysis } = skill;
  const options = await loadOptions(key);
  const described = await describeSkill(hostFor(key), component, analysis.name, options);
  if (!described.ok) {
    updateSkill(key, {
      status: 'failed',
      loadError: describeLoadError(described.error.code, described.error.message),
    });
    return;
  }
  readyWithTools(key, described.tools.map(skillEngineTool), { metadata: described.metadata });
}

/** A plain component: one tool per exported function, its form from the function's WIT types. */
async function readyWithExports(key: string, bytes: Uint8Array | undefined): Promise<void> {
  let exports;
  try {
    if (!bytes) throw new Error('its bytes are not at hand');
    // The decoder loads with the first plain component, not with the page.
    const { decodeComponentExports } = await import('../wit/decodeComponent');
    exports = decodeComponentExports(bytes);
  } catch (error) {
    updateSkill(key, {
      status: 'failed',
      loadError: `The types of this component's exports could not be read: ${(error as Error).message}.`,
    });
    return;
  }
  const { tools, unsupported } = componentTools(exports);
  readyWithTools(key, tools, {
    unsupportedExports: unsupported,
    ...(tools.length === 0
      ? { loadError: 'This component exports no function the playground can call yet.' }
      : {}),
  });
}

function readyWithTools(key: string, tools: Tool[], patch: Partial<SkillEntry>): void {
  updateSkill(key, { ...patch, status: 'ready', tools });
  const first = tools[0];
  if (first && !getState().selectedTool[key]) selectTool(key, first.name);
}

async function componentFor(bundle: Bundle, path: string, name: string): Promise<ComponentSource> {
  const bytes = bundle.files.get(path);
  if (!bytes) throw new Error(`${path} is not a file of this skill.`);
  return { id: await componentId(bytes), name, bytes };
}

function skillEngineTool(definition: ToolDefinition): Tool {
  return {
    name: definition.name,
    description: definition.description,
    schema: schemaFromSkillParameters(definition.parameters),
    call: { kind: 'skill-engine' },
    origin: 'get-tools',
  };
}

function describeLoadError(code: string, message: string): string {
  switch (code) {
    case 'TranspileFailed':
      return `jco could not load this component: ${message}`;
    case 'InstantiateFailed':
      return `The component could not be instantiated: ${message}`;
    case 'InvalidComponent':
      return `This is not a component the playground can run: ${message}`;
    default:
      return message;
  }
}

// ---- tools and forms --------------------------------------------------------------------------

export function toolModel(tool: Tool) {
  return { schema: tool.schema, fields: fieldsFromSchema(tool.schema) };
}

export function selectTool(key: string, toolName: string): void {
  setState((s) => ({ selectedTool: { ...s.selectedTool, [key]: toolName } }));
}

export function getDrafts(key: string, tool: Tool): Record<string, DraftValue> {
  const existing = getState().drafts[draftKey(key, tool.name)];
  if (existing) return existing;
  return tool.call.kind === 'wit'
    ? initialWitDrafts(tool.call.func.params)
    : initialDrafts(toolModel(tool).fields);
}

type ToolInput =
  | { ok: true; value: Record<string, unknown>; args?: unknown[] }
  | { ok: false; errors: Record<string, string> };

/**
 * The form's contents as the tool takes them. A WIT function gets jco's values as `args`, and
 * `value` (what the audit record hashes) holds each argument in WAVE.
 */
function readToolInput(tool: Tool, drafts: Record<string, DraftValue>): ToolInput {
  if (tool.call.kind !== 'wit') {
    const { schema, fields } = toolModel(tool);
    return readDrafts(schema, fields, drafts);
  }
  const { params } = tool.call.func;
  const read = readWitDrafts(params, drafts);
  if (!read.ok) return read;
  const value = Object.fromEntries(
    params.map((p, i) => [p.name, formatWave(p.type, read.args[i])]),
  );
  return { ok: true, value, args: read.args };
}

export function setDraft(key: string, tool: Tool, field: string, value: DraftValue): void {
  const id = draftKey(key, tool.name);
  const drafts = { ...getDrafts(key, tool), [field]: value };
  setState((s) => {
    // A WIT value's errors are keyed by path (`points[0].x`): editing it clears them all.
    const errors = Object.fromEntries(
      Object.entries(s.fieldErrors[id] ?? {}).filter(
        ([path]) =>
          path !== field && !path.startsWith(`${field}.`) && !path.startsWith(`${field}[`),
      ),
    );
    return {
      drafts: { ...s.drafts, [id]: drafts },
      fieldErrors: { ...s.fieldErrors, [id]: errors },
    };
  });
}

// ---- running ----------------------------------------------------------------------------------

let nextRunId = 1;

function patchRun(key: string, runId: number, patch: (run: RunState) => Partial<RunState>): void {
  setState((s) => {
    const run = s.runs[key];
    if (!run || run.runId !== runId) return {};
    return { runs: { ...s.runs, [key]: { ...run, ...patch(run) } } };
  });
}

/** Validates the form, then runs the tool in the skill's worker. Only ever started by a click. */
export async function runTool(key: string, toolName: string): Promise<void> {
  const skill = getSkill(key);
  const tool = skill?.tools.find((t) => t.name === toolName);
  if (!skill?.component || !skill.bundle || !tool) return;
  if (getState().runs[key]?.status === 'running') return;

  const { fields } = toolModel(tool);
  const read = readToolInput(tool, getDrafts(key, tool));
  const id = draftKey(key, toolName);
  if (!read.ok) {
    setState((s) => ({ fieldErrors: { ...s.fieldErrors, [id]: read.errors } }));
    return;
  }
  setState((s) => ({ fieldErrors: { ...s.fieldErrors, [id]: {} } }));

  const runId = nextRunId++;
  const startedAt = performance.now();
  const wallStart = Date.now();
  setState((s) => ({
    runs: {
      ...s.runs,
      [key]: { runId, toolName, status: 'running', output: '', stdout: '', stderr: '', startedAt },
    },
  }));
  const instance = await ensureInstance(key);
  const before = await ensureWorkspace(key);
  const output = new OutputBuffer((stream, text) =>
    patchRun(key, runId, (run) => ({ [stream]: run[stream] + text })),
  );
  const options = {
    env: envFor(key, instance),
    config: configFor(instance),
    // A tool's own manifest limit wins, then the instance's override, then the default.
    timeoutMs: tool.limits?.timeoutMs ?? instance.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxOutputBytes:
      tool.limits?.maxOutputBytes ?? instance.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
    maxMemoryBytes: instance.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES,
    filesystem: {
      skillId: skill.bundleId ?? key,
      skillFiles: [...skill.bundle.files],
      workspace: before,
    },
    keepWarm: instance.keepWarm === true,
    warmRevision: warmRevisions.get(key) ?? 0,
    onStage: (stage: RunState['stage']) => patchRun(key, runId, () => ({ stage })),
    onOutput: (stream: 'stdout' | 'stderr', text: string) => output.push(stream, text),
  };

  let result: Partial<RunState>;
  let workspaceAfter: Array<[string, Uint8Array]> | undefined;
  try {
    if (tool.call.kind === 'skill-engine') {
      const { outcome, result: toolResult } = await executeTool(
        hostFor(key),
        skill.component,
        toolName,
        toSkillEngineArgs(fields, read.value),
        options,
      );
      workspaceAfter = outcome.workspace;
      result =
        outcome.status !== 'ok'
          ? failedRun(outcome)
          : toolResult!.success
            ? {
                status: 'ok',
                output: toolResult!.output,
                formatNote: toolResult!.formatNote,
                timings: outcome.timings,
                loadedFrom: outcome.loadedFrom,
                memoryBytes: outcome.memoryBytes,
              }
            : {
                status: 'error',
                errorCode: 'ToolFailed',
                errorMessage: toolResult!.errorMessage ?? undefined,
                output: toolResult!.output,
                timings: outcome.timings,
                loadedFrom: outcome.loadedFrom,
                memoryBytes: outcome.memoryBytes,
              };
    } else if (tool.call.kind === 'wit') {
      const { exportName, func } = tool.call;
      const outcome = await hostFor(key).run({
        ...options,
        component: skill.component,
        calls: [
          { exportName, args: read.args ?? [], returnsResult: func.result?.kind === 'result' },
        ],
      });
      workspaceAfter = outcome.workspace;
      result =
        outcome.status !== 'ok'
          ? failedRun(outcome)
          : {
              status: 'ok',
              output: func.result ? formatWave(func.result, outcome.results[0]) : '',
              outputFormat: 'wave',
              formatNote: func.result
                ? `Returned ${witTypeText(func.result)}, shown in WAVE (the WebAssembly Value Encoding).`
                : 'The function returns nothing.',
              timings: outcome.timings,
              loadedFrom: outcome.loadedFrom,
              memoryBytes: outcome.memoryBytes,
            };
    } else {
      const call = tool.call;
      const component = call.entry
        ? await componentFor(skill.bundle, call.entry, skill.name)
        : skill.component;
      const input = call.stdinField ? (read.value[call.stdinField] ?? {}) : read.value;
      const stdin = commandStdin(call.protocol, input);
      const outcome = await hostFor(key).run({
        ...options,
        component,
        env: [...options.env, ['SKILL_INPUT', JSON.stringify(input)]],
        stdin: new TextEncoder().encode(stdin),
        calls: [{ exportName: 'wasi:cli/run#run', args: [] }],
      });
      workspaceAfter = outcome.workspace;
      if (outcome.status !== 'ok') result = failedRun(outcome);
      else {
        const exitCode = outcome.exitCode ?? 0;
        const read = readCommandOutput(call.protocol, output.text('stdout'), exitCode);
        result = {
          status: read.success ? 'ok' : 'error',
          output: read.output,
          exitCode,
          lineCount: read.lineCount,
          timings: outcome.timings,
          loadedFrom: outcome.loadedFrom,
          memoryBytes: outcome.memoryBytes,
          ...(read.errorMessage
            ? { errorCode: 'ExecutionFailure' as const, errorMessage: read.errorMessage }
            : {}),
        };
      }
    }
  } catch (error) {
    result = {
      status: 'error',
      errorCode: 'ExecutionFailure',
      errorMessage: (error as Error).message,
    };
  }
  const durationMs = performance.now() - startedAt;
  output.flush();
  patchRun(key, runId, () => ({ ...result, durationMs }));
  if (workspaceAfter) await storeWorkspace(key, workspaceAfter, before);
  const audit = await buildAuditRecord({
    skillId: key,
    skillName: skill.name,
    tool: toolName,
    componentSha256: skill.component.id,
    input: read.value,
    output: result.output ?? '',
    startedAt: wallStart,
    durationMs,
    exitStatus: exitStatusOf(result),
    exitCode: result.exitCode,
    configKeys: instance.config.map((entry) => entry.key),
    stdout: output.text('stdout'),
    stderr: output.text('stderr'),
    loadedFrom: result.loadedFrom ?? 'n/a',
  });
  patchRun(key, runId, () => ({ audit }));
}

function exitStatusOf(result: Partial<RunState>): ExitStatus {
  switch (result.status) {
    case 'ok':
      return { kind: 'success' };
    case 'timeout':
      return { kind: 'timeout' };
    case 'cancelled':
      return { kind: 'cancelled' };
    default:
      return { kind: 'failed', message: result.errorMessage ?? 'failed' };
  }
}

/**
 * Gathers a run's output and hands it to the store at most every 50 ms: a command that floods
 * stdout sends thousands of chunks, and re-rendering for each would stall the page.
 */
class OutputBuffer {
  #all = { stdout: [] as string[], stderr: [] as string[] };
  #pending = { stdout: '', stderr: '' };
  #timer: ReturnType<typeof setTimeout> | undefined;
  #deliver: (stream: 'stdout' | 'stderr', text: string) => void;

  constructor(deliver: (stream: 'stdout' | 'stderr', text: string) => void) {
    this.#deliver = deliver;
  }

  push(stream: 'stdout' | 'stderr', text: string): void {
    this.#all[stream].push(text);
    this.#pending[stream] += text;
    this.#timer ??= setTimeout(() => this.flush(), OUTPUT_FLUSH_MS);
  }

  text(stream: 'stdout' | 'stderr'): string {
    return this.#all[stream].join('');
  }

  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.#pending[stream]) this.#deliver(stream, this.#pending[stream]);
      this.#pending[stream] = '';
    }
  }
}

const OUTPUT_FLUSH_MS = 50;

function failedRun(outcome: Exclude<RunOutcome, { status: 'ok' }>): Partial<RunState> {
  return {
    status: outcome.status,
    errorCode: outcome.error.code,
    errorMessage: outcome.error.message,
    timings: outcome.timings,
  };
}

export function cancelRun(key: string): void {
  hostFor(key).cancel();
}

// ---- instance configuration -------------------------------------------------------------------

async function ensureInstance(key: string): Promise<StoredInstance> {
  const existing = getState().instances[key];
  if (existing) return existing;
  const loaded = await getServices().loadInstance(key);
  const current = getState().instances[key];
  if (current) return current;
  setState((s) => ({ instances: { ...s.instances, [key]: loaded } }));
  return loaded;
}

const configFor = (instance: StoredInstance): Array<[string, string]> =>
  instance.config.map((entry) => [entry.key, entry.value]);

function envFor(key: string, instance: StoredInstance): Array<[string, string]> {
  const skill = getSkill(key);
  return buildSkillEnv(
    instance.config,
    { skillId: key, skillName: skill?.name ?? key, instanceId: instance.name },
    instance.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  );
}

/** Saves the configuration, then lets the skill judge it with validate-config. */
export async function saveConfig(key: string, config: ConfigEntry[]): Promise<void> {
  const instance = {
    ...(await ensureInstance(key)),
    config: config.filter((e) => e.key.trim() !== ''),
  };
  setState((s) => ({
    instances: { ...s.instances, [key]: instance },
    configChecks: { ...s.configChecks, [key]: { state: 'checking' } },
  }));
  try {
    await getServices().saveInstance(key, instance);
  } catch (error) {
    notify(`The configuration could not be saved: ${(error as Error).message}`);
  }
  const skill = getSkill(key);
  if (!skill?.component) {
    setState((s) => ({
      configChecks: { ...s.configChecks, [key]: { state: 'valid', message: 'Saved.' } },
    }));
    return;
  }
  const verdict = await validateConfig(
    hostFor(key),
    skill.component,
    configToValidateJson(instance.config),
    {
      env: envFor(key, instance),
      config: configFor(instance),
      timeoutMs: instance.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxOutputBytes: DEFAULT_MAX_OUTPUT_BYTES,
    },
  );
  setState((s) => ({
    configChecks: {
      ...s.configChecks,
      [key]: verdict.valid
        ? { state: 'valid', message: 'Saved; the skill accepts this configuration.' }
        : { state: 'invalid', message: `Saved, but the skill rejects it: ${verdict.message}` },
    },
  }));
}

export type LimitName = 'timeoutMs' | 'maxOutputBytes' | 'maxMemoryBytes';

/** Opts the instance in or out of reusing one warm instance between runs. */
export async function setKeepWarm(key: string, keepWarm: boolean): Promise<void> {
  bumpWarmRevision(key);
  await updateInstance(key, (instance) => ({ ...instance, keepWarm }));
}

/** Overrides one run limit of the instance; undefined goes back to the default. */
export async function setLimit(
  key: string,
  name: LimitName,
  value: number | undefined,
): Promise<void> {
  await updateInstance(key, (instance) => {
    const next = { ...instance };
    if (value === undefined) delete next[name];
    else next[name] = value;
    return next;
  });
}

/** Changes the stored instance, in the page at once and in IndexedDB after. */
async function updateInstance(
  key: string,
  change: (instance: StoredInstance) => StoredInstance,
): Promise<void> {
  const instance = change(await ensureInstance(key));
  setState((s) => ({ instances: { ...s.instances, [key]: instance } }));
  try {
    await getServices().saveInstance(key, instance);
  } catch (error) {
    notify(`The instance settings could not be saved: ${(error as Error).message}`);
  }
}

// ---- the transpile cache ----------------------------------------------------------------------

export async function refreshCacheStats(): Promise<void> {
  try {
    setState({ cacheStats: await getServices().transpileCache.stats() });
  } catch {
    setState({ cacheStats: undefined });
  }
}

/** Empties the transpile cache: the next load of every component runs jco again. */
export async function clearTranspileCache(): Promise<void> {
  try {
    await getServices().transpileCache.clear();
    notify(
      'The transpile cache is empty: components are transpiled again when next opened.',
      'info',
    );
  } catch (error) {
    notify(`The transpile cache could not be cleared: ${(error as Error).message}`);
  }
  await refreshCacheStats();
}

// ---- /workspace -------------------------------------------------------------------------------

/** Bumped when /workspace changes outside a run, so a warm instance does not keep stale files. */
const warmRevisions = new Map<string, number>();
const bumpWarmRevision = (key: string) => warmRevisions.set(key, (warmRevisions.get(key) ?? 0) + 1);

async function ensureWorkspace(key: string): Promise<Array<[string, Uint8Array]>> {
  const existing = getState().workspaces[key];
  if (existing) return existing.files;
  const files = await getServices().loadWorkspace(key);
  setState((s) => ({ workspaces: { ...s.workspaces, [key]: s.workspaces[key] ?? { files } } }));
  return getState().workspaces[key]!.files;
}

/** Keeps what a run left in /workspace, marking what it created or changed. */
async function storeWorkspace(
  key: string,
  files: Array<[string, Uint8Array]>,
  before: Array<[string, Uint8Array]>,
): Promise<void> {
  const lastRun = diffFiles(new Map(before), new Map(files));
  setState((s) => ({ workspaces: { ...s.workspaces, [key]: { files, lastRun } } }));
  const changed = lastRun.created.length + lastRun.changed.length + lastRun.deleted.length > 0;
  if (changed) await persistWorkspace(key, files);
}

async function persistWorkspace(key: string, files: Array<[string, Uint8Array]>): Promise<void> {
  try {
    await getServices().saveWorkspace(key, files);
  } catch (error) {
    const full = (error as Error).name === 'QuotaExceededError';
    notify(
      full
        ? 'The browser storage is full: the workspace is kept for this page only. Free space (remove files or clear the transpile cache) to keep it across reloads.'
        : `The workspace could not be saved: ${(error as Error).message}`,
    );
  }
}

export async function openWorkspace(key: string): Promise<void> {
  await ensureWorkspace(key);
}

/** Adds files the user picked to /workspace (a file with the same name is replaced). */
export async function uploadToWorkspace(
  key: string,
  picked: Array<{ name: string; bytes: Uint8Array }>,
): Promise<void> {
  const current = new Map(await ensureWorkspace(key));
  for (const { name, bytes } of picked) current.set(name, bytes);
  const files = [...current].sort(([a], [b]) => a.localeCompare(b));
  bumpWarmRevision(key);
  setState((s) => ({ workspaces: { ...s.workspaces, [key]: { files } } }));
  await persistWorkspace(key, files);
}

export async function deleteFromWorkspace(key: string, path: string): Promise<void> {
  const files = (await ensureWorkspace(key)).filter(([p]) => p !== path);
  bumpWarmRevision(key);
  setState((s) => ({ workspaces: { ...s.workspaces, [key]: { ...s.workspaces[key], files } } }));
  await persistWorkspace(key, files);
}

// ---- the stored workspace ---------------------------------------------------------------------

/** Lists the skills kept from earlier visits, from their records alone (no files are read). */
export async function loadStoredSkills(): Promise<void> {
  let metas;
  try {
    metas = await getServices().listSkills();
  } catch (error) {
    notify(`The skills kept in this browser could not be read: ${(error as Error).message}`);
    return;
  }
  const entries: SkillEntry[] = metas.map((meta) => ({
    key: meta.key,
    source: meta.source as BundleSource,
    name: meta.name,
    description: meta.description,
    status: 'listed',
    stored: true,
    storedRoot: meta.rootName,
    // A skill that came from a link still waits for a click before its code runs.
    ...(meta.source.kind === 'url' ? { needsConsent: true } : {}),
    tools: [],
    loadDiagnostics: [],
  }));
  setState((s) => {
    const known = new Set(s.skills.map((skill) => skill.key));
    return { skills: [...s.skills, ...entries.filter((entry) => !known.has(entry.key))] };
  });
  performance.mark('workspace-listed');
  void refreshStorageUse();
}

/** Forgets a skill: its files, its worker, its place in the list. Its instance settings stay. */
export async function removeSkillFromWorkspace(key: string): Promise<void> {
  disposeHost(key);
  setState((s) => {
    const runs = { ...s.runs };
    delete runs[key];
    return {
      skills: s.skills.filter((skill) => skill.key !== key),
      selectedKey: s.selectedKey === key ? null : s.selectedKey,
      runs,
    };
  });
  void dropFileEdits(key);
  try {
    await getServices().removeSkill(key);
  } catch (error) {
    notify(`The skill's stored files could not be removed: ${(error as Error).message}`);
  }
  void refreshStorageUse();
}

export async function refreshStorageUse(): Promise<void> {
  const storage = await getServices()
    .storageUse()
    .catch(() => undefined);
  setState({ storage });
}

// ---- settings ---------------------------------------------------------------------------------

/** Judges every open skill again under the other validation mode. */
export function setValidationMode(mode: ValidationMode): void {
  saveSettings({ version: 1, validationMode: mode });
  setState((s) => ({
    validationMode: mode,
    skills: s.skills.map((skill) =>
      skill.bundle ? { ...skill, analysis: analyzeBundle(skill.bundle, mode) } : skill,
    ),
  }));
}
