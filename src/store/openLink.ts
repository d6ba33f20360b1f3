import { bundleDigest, type Bundle } from '../bundle';
import { errorMessage } from '../errors';
import type { DraftValue, WitDraft } from '../forms';
import { LIMIT_CEILINGS, LIMIT_FLOORS } from '../runtime';
import { decodeShareLink, filesFromInline, type LinkArg, type ShareLink } from '../share';
import { initialToolDrafts, toolModel, type Tool } from '../tools';
import { updateInstance } from './instances';
import { notify } from './notices';
import { allowSkillCode, openSkill } from './openSkill';
import { draftKey, usePlayground } from './playgroundStore';
import { runTool } from './runs';
import { addBundle, fetchUrlBundles } from './skillList';
import { getSkill, setSkill } from './skills';
import { chooseTool, renderSkillInstructions, setInstructionValue } from './toolForms';
import type { NoticeAction } from './types';
import { showFile } from './filesView';

// Opening a share link. The link is decoded and checked, its skill fetched (or unpacked from the
// link, or found among the examples) and listed, and the link is shown in a banner: nothing of
// the skill runs, not even to list its tools, until the person presses Load or Load and run.
// A link that cannot be read changes nothing and says why.

const { getState, setState } = usePlayground;

/** Opens the link in `hash`: its skill is listed and selected, waiting for a click. */
export async function openShareLink(hash: string): Promise<void> {
  let link: ShareLink;
  try {
    link = await decodeShareLink(hash);
  } catch (error) {
    notify(errorMessage(error));
    return;
  }
  const found = await listLinkedSkill(link, { kind: 'retryLink', label: 'Try again', hash });
  if (!found) return;
  setState({
    sharedLink: { key: found.key, link, ...(found.changed ? { changed: found.changed } : {}) },
    selectedKey: found.key,
  });
}

async function listLinkedSkill(
  link: ShareLink,
  retry: NoticeAction,
): Promise<{ key: string; changed?: { linkSha256: string; nowSha256: string } } | undefined> {
  const { skill } = link;
  switch (skill.from) {
    case 'example': {
      await examplesListed();
      const key = `example:${skill.id}`;
      if (getSkill(key)) return { key };
      notify(
        `This link opens the built-in example "${skill.id}", which this playground does not have.`,
      );
      return undefined;
    }
    case 'inline': {
      const files = filesFromInline(skill.files);
      const sha256 = await bundleDigest(files);
      const bundle: Bundle = {
        rootName: skill.root,
        files,
        source: { kind: 'link', name: skill.root, sha256 },
      };
      return { key: (await addBundle(bundle, { needsConsent: true })).key };
    }
    case 'url': {
      const fetched = await fetchUrlBundles(skill.url, { retry });
      if (!fetched.ok) return undefined;
      if (fetched.kind === 'index') {
        notify(`This link names ${skill.url}, a site's index of skills, not one skill.`);
        return undefined;
      }
      const pathOf = (b: Bundle) => (b.source.kind === 'url' ? (b.source.path ?? '') : '');
      const bundle =
        (skill.path !== undefined
          ? fetched.bundles.find((b) => pathOf(b) === skill.path)
          : fetched.bundles.find((b) => b.rootName === skill.root)) ??
        (fetched.bundles.length === 1 ? fetched.bundles[0] : undefined);
      if (!bundle) {
        notify(`${skill.url} no longer holds the skill ${skill.root} this link names.`);
        return undefined;
      }
      const now = await bundleDigest(bundle.files);
      const { key } = await addBundle(bundle, { needsConsent: true });
      return now === skill.sha256
        ? { key }
        : { key, changed: { linkSha256: skill.sha256, nowSha256: now } };
    }
  }
}

/** Resolves once the built-in examples are listed (or failed to be). */
function examplesListed(): Promise<void> {
  if (getState().examplesLoaded) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = usePlayground.subscribe((s) => {
      if (!s.examplesLoaded) return;
      stop();
      resolve();
    });
  });
}

export function dismissSharedLink(): void {
  setState({ sharedLink: null });
}

/**
 * The person's click on a link's banner: its configuration and limits go into the instance (never
 * over a secret), the skill loads and lists its tools, the form is filled and, for Load and run,
 * the tool runs.
 */
export async function acceptSharedLink(run: boolean): Promise<void> {
  const pending = getState().sharedLink;
  if (!pending) return;
  const { key, link } = pending;
  setState({ sharedLink: null });
  await applyInstance(key, link);
  // This click is the consent a skill from a link waits for.
  setSkill(key, (skill) => ({ ...skill, needsConsent: false }));
  await openSkill(key);
  if (getSkill(key)?.status === 'consent') await allowSkillCode(key);
  const skill = getSkill(key);
  if (skill?.status !== 'ready') return;

  const file = link.view?.file;
  if (file && skill.bundle.files.has(file)) showFile(key, file);
  if (skill.tools.length === 0) {
    if (!skill.analysis.skillMd || skill.analysis.entry || skill.analysis.capsule) return;
    for (const [name, value] of Object.entries(stringArgs(link.args ?? {}))) {
      setInstructionValue(key, name, value);
    }
    if (run) renderSkillInstructions(key, skill.analysis.skillMd);
    return;
  }
  const tool = skill.tools.find((t) => t.name === link.tool);
  if (link.tool && !tool) {
    notify(
      `The link names the tool ${link.tool}, which this skill does not offer: nothing was run.`,
      'info',
    );
    return;
  }
  if (!tool) return;
  chooseTool(key, tool.name);
  if (link.args) setDrafts(key, tool.name, draftsFromLink(tool, link.args));
  if (run) await runTool(key, tool.name);
}

async function applyInstance(key: string, link: ShareLink): Promise<void> {
  if (!link.config && !link.limits) return;
  const kept: string[] = [];
  const refused: string[] = [];
  await updateInstance(key, (instance) => {
    const config = [...instance.config];
    for (const { key: name, value } of link.config ?? []) {
      const at = config.findIndex((entry) => entry.key === name);
      if (at === -1) config.push({ key: name, value, secret: false });
      // A link never replaces a secret, even with a value of its own.
      else if (config[at]!.secret) kept.push(name);
      else config[at] = { ...config[at]!, value };
    }
    const next = { ...instance, config };
    for (const [name, value] of Object.entries(link.limits ?? {}) as Array<
      [keyof typeof LIMIT_FLOORS & keyof NonNullable<ShareLink['limits']>, number]
    >) {
      if (value >= LIMIT_FLOORS[name] && value <= LIMIT_CEILINGS[name]) next[name] = value;
      else refused.push(name);
    }
    return next;
  });
  if (kept.length > 0) {
    notify(`Your secret ${kept.join(', ')} was kept: a link never replaces a secret.`, 'info');
  }
  if (refused.length > 0) {
    notify(`The link's ${refused.join(', ')} is out of range and was not applied.`, 'info');
  }
}

function setDrafts(key: string, toolName: string, drafts: Record<string, DraftValue>): void {
  const id = draftKey(key, toolName);
  setState((s) => ({
    drafts: { ...s.drafts, [id]: drafts },
    fieldErrors: { ...s.fieldErrors, [id]: {} },
  }));
}

/** The link's arguments as the tool's form holds them; a value of the wrong kind is left out. */
function draftsFromLink(tool: Tool, args: Record<string, LinkArg>): Record<string, DraftValue> {
  const drafts = { ...initialToolDrafts(tool) };
  if (tool.call.kind === 'wit') {
    for (const param of tool.call.func.params) {
      const value = args[param.name];
      if (value !== undefined && isWitDraft(value)) drafts[param.name] = value;
    }
    return drafts;
  }
  for (const field of toolModel(tool).fields) {
    const value = args[field.name];
    if (value === undefined) continue;
    const fits =
      field.kind === 'checkbox'
        ? typeof value === 'boolean'
        : field.kind === 'list'
          ? Array.isArray(value) && value.every((v) => typeof v === 'string')
          : // Secret and file fields are never filled from a link.
            field.kind !== 'secret' && field.kind !== 'file' && typeof value === 'string';
    if (fits) drafts[field.name] = value as DraftValue;
  }
  return drafts;
}

/** A WIT value's draft: text and booleans in lists and records, with no null anywhere. */
function isWitDraft(value: LinkArg): value is WitDraft {
  if (value === null) return false;
  if (Array.isArray(value)) return value.every(isWitDraft);
  if (typeof value === 'object') return Object.values(value).every(isWitDraft);
  return true;
}

function stringArgs(args: Record<string, LinkArg>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(args).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}
