import { errorMessage } from '../errors';
import { fetchExampleBundle, readFoundSkill, type Bundle } from '../bundle';
import { componentKind, describeSkill, type ComponentSource, type RunError } from '../runtime';
import { componentTools, entryComponent, skillEngineTool, type Tool } from '../tools';
import { readSavedEdits, withFileEdits } from './fileEdits';
import { ensureInstance, runOptionsFor } from './instances';
import { usePlayground } from './playgroundStore';
import { hostFor, getServices } from './services';
import { refreshCacheStatsAfterWrite } from './settings';
import {
  analyzeInSlices,
  commandToolsOf,
  failSkill,
  getSkill,
  setSkill,
  skillFiles,
  withFiles,
} from './skills';
import { filesOf, listingOf } from './skillEntry';
import { describeLoadError, markReady } from './skillReady';
import { openCapsule } from './openCapsule';
import type { LoadedComponent, LoadStage, ReadySkill, SkillEntry, SkillFiles } from './types';

// Opening a skill: read its files, load its component in its worker without calling anything,
// learn what kind it is, and list its tools. Only a skill-engine skill's tools need its own code
// (get-tools); for a skill from a link that waits for a click.

const { setState } = usePlayground;

/** Opens a skill: reads its files if it has none yet, then learns its tools from its component. */
export async function openSkill(key: string): Promise<void> {
  setState({ selectedKey: key });
  const skill = getSkill(key);
  if (!skill || !needsLoading(skill)) return;
  setSkill(key, (s) => ({
    ...listingOf(s),
    ...filesOfLoading(s),
    status: 'loading',
    loadStage: 'fetching',
    loadStartedAt: performance.now(),
  }));
  void ensureInstance(key);

  const files = await readSkillFiles(skill);
  if (!files) return;
  setSkill(key, (s) => withFiles(s, files));

  const { analysis } = files;
  if (analysis.capsule) {
    // Extism plugins: tools from Capsule.toml, run with astrid's host functions.
    await openCapsule(key, files, analysis.capsule);
    return;
  }
  if (!analysis.entry) {
    markReady(key, files, { tools: [] }); // Instructions only.
    return;
  }
  if (analysis.entry.kind === 'not-wasm') {
    failSkill(key, `Nothing to run: ${analysis.entry.path} is not WebAssembly.`);
    return;
  }
  let component: ComponentSource;
  try {
    component = await entryComponent(files.bundle.files, analysis.entry.path, analysis.name);
  } catch (error) {
    failSkill(key, errorMessage(error));
    return;
  }
  if (analysis.entry.kind === 'component') {
    const p3 = await wasiP3Skill(component.bytes);
    if (p3) {
      markReady(key, files, p3);
      return;
    }
  }
  const loaded = await loadComponent(key, component);
  if (loaded) await listTools(key, files, loaded, skill.needsConsent);
}

/**
 * A WASI 0.3 (p3) command, told apart from its bytes before a worker loads it: jco cannot call
 * its async `run` yet, and would offer Run only to fail with a message of its own. Every export
 * is listed, as not supported, so the person sees what the component holds.
 */
async function wasiP3Skill(bytes: Uint8Array): Promise<ReadyParts | undefined> {
  const { decodeComponentExports, wasiP3Command } = await import('../wit/decodeComponent');
  let exports;
  try {
    exports = decodeComponentExports(bytes);
  } catch {
    return undefined; // Loading it says what is wrong, in jco's words or the decoder's.
  }
  const run = wasiP3Command(exports);
  if (!run) return undefined;
  const reason = 'WASI 0.3 (p3) components are not supported yet';
  return {
    tools: [],
    unsupportedExports: [
      ...exports.functions.map((f) => ({ interface: f.interface, name: f.name, reason })),
      ...exports.unsupported,
    ],
    note: `${reason}: this command exports ${run}, whose async run the playground's runtime (jco) cannot call. Built for WASI 0.2 (wasi:cli/run@0.2), it runs here.`,
  };
}

type ReadyParts = Partial<ReadySkill> & { tools: Tool[] };

/** A skill is (re)loaded when it has not been, or when it failed with files to try again. */
function needsLoading(skill: SkillEntry): boolean {
  if (skill.status === 'listed') return true;
  return skill.status === 'failed' && skill.bundle !== undefined;
}

const filesOfLoading = (skill: SkillEntry): Partial<SkillFiles> => filesOf(skill) ?? {};

/**
 * The skill's files: in memory if just fetched, from the picked files' handles if just dropped,
 * else from IndexedDB or the example's server.
 */
async function readSkillFiles(skill: SkillEntry): Promise<SkillFiles | undefined> {
  const inMemory = filesOf(skill);
  if (inMemory) return inMemory;
  // Asked for now, so IndexedDB answers while the files are read.
  const edits = readSavedEdits(skill.key);
  let bundle: Bundle | undefined;
  if (skill.unread) {
    try {
      bundle = await readFoundSkill(skill.unread);
    } catch (error) {
      // A file changed or went away on disk since it was picked: the kept copy may still serve.
      if (!skill.stored) {
        failSkill(
          skill.key,
          `The files of this skill could not be read; drop it again. ${errorMessage(error)}`,
        );
        return undefined;
      }
    }
  }
  if (!bundle && skill.stored) {
    const { value: files, unreadable } = await getServices().readSkillFiles(skill.key);
    if (!files) {
      failSkill(
        skill.key,
        `The stored files of this skill could not be read; drop it again.${unreadable ? ` ${unreadable}` : ''}`,
      );
      return undefined;
    }
    bundle = { rootName: skill.storedRoot ?? skill.name, files, source: skill.source };
  } else if (!bundle && skill.example) {
    try {
      bundle = await fetchExampleBundle(skill.example);
    } catch (error) {
      failSkill(skill.key, errorMessage(error));
      return undefined;
    }
  }
  if (!bundle) {
    failSkill(skill.key, 'The files of this skill are not at hand any more; drop it again.');
    return undefined;
  }
  // Files just read get the edits made to them in earlier visits.
  const edited = await withFileEdits(skill.key, bundle, edits);
  return skillFiles(edited.bundle, await analyzeInSlices(edited.bundle), edited.originals);
}

/** Loads the component in the skill's worker without calling anything, to learn what it is. */
async function loadComponent(
  key: string,
  component: ComponentSource,
): Promise<LoadedComponent | undefined> {
  const options = await runOptionsFor(key);
  setLoadStage(key, 'cache');
  const probe = await hostFor(key).run({
    ...options,
    component,
    calls: [],
    // The worker says each stage it enters; calling is not one a load reaches.
    onStage: (stage) => stage !== 'calling' && setLoadStage(key, stage),
  });
  if (probe.status !== 'ok' || !probe.info) {
    const error: RunError =
      probe.status === 'ok'
        ? { code: 'InvalidComponent', message: 'nothing was loaded' }
        : probe.error;
    failSkill(key, describeLoadError(error), { component });
    return undefined;
  }
  if (probe.loadedFrom === 'bytes') void refreshCacheStatsAfterWrite();
  return {
    component,
    kind: componentKind(probe.info),
    info: probe.info,
    load: {
      ms: probe.timings.wrapMs + probe.timings.transpileMs + probe.timings.compileMs,
      from: probe.loadedFrom,
    },
  };
}

/** Lists the tools the way this kind of component declares them. */
async function listTools(
  key: string,
  files: SkillFiles,
  loaded: LoadedComponent,
  needsConsent: boolean,
): Promise<void> {
  switch (loaded.kind) {
    case 'command':
      markReady(key, files, { loaded, ...commandToolsOf(files) });
      return;
    case 'component':
      await listExports(key, files, loaded);
      return;
    case 'skill-engine':
      if (needsConsent) {
        // Listing a skill-engine skill's tools runs its code: from a link, only after a click.
        setSkill(key, (s) => ({ ...listingOf(s), ...files, status: 'consent', loaded }));
        return;
      }
      await describeTools(key, files, loaded);
  }
}

/** The person's go-ahead to run get-metadata and get-tools of a skill that came from a link. */
export async function allowSkillCode(key: string): Promise<void> {
  const skill = getSkill(key);
  if (skill?.status !== 'consent') return;
  const { loaded } = skill;
  const files = filesOf(skill)!;
  setSkill(key, (s) => ({
    ...listingOf(s),
    ...files,
    needsConsent: false,
    status: 'loading',
    loadStartedAt: performance.now(),
  }));
  await describeTools(key, files, loaded);
}

/** A skill-engine skill: get-metadata and get-tools, read tolerantly. */
async function describeTools(key: string, files: SkillFiles, loaded: LoadedComponent) {
  setLoadStage(key, 'tools');
  const options = await runOptionsFor(key);
  const described = await describeSkill(
    hostFor(key),
    loaded.component,
    files.analysis.name,
    options,
  );
  if (!described.ok) {
    failSkill(key, describeLoadError(described.error), { component: loaded.component });
    return;
  }
  markReady(key, files, {
    loaded,
    metadata: described.metadata,
    tools: described.tools.map(skillEngineTool),
  });
}

/** A plain component: one tool per exported function, its form from the function's WIT types. */
async function listExports(key: string, files: SkillFiles, loaded: LoadedComponent) {
  let exports;
  try {
    // The decoder loads with the first plain component, not with the page.
    const { decodeComponentExports } = await import('../wit/decodeComponent');
    exports = decodeComponentExports(loaded.component.bytes);
  } catch (error) {
    failSkill(
      key,
      `The types of this component's exports could not be read: ${errorMessage(error)}.`,
      { component: loaded.component },
    );
    return;
  }
  const { tools, unsupported } = componentTools(exports);
  markReady(key, files, {
    loaded,
    tools,
    unsupportedExports: unsupported,
    ...(tools.length === 0
      ? { note: 'This component exports no function the playground can call yet.' }
      : {}),
  });
}

/** Says how far a load has got, while the skill is still loading. */
function setLoadStage(key: string, loadStage: LoadStage): void {
  setSkill(key, (s) => (s.status === 'loading' ? { ...s, loadStage } : s));
}
