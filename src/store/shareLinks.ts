import { bundleDigest } from '../bundle';
import { errorMessage } from '../errors';
import {
  encodeShareLink,
  inlineFiles,
  LINK_LIMITS,
  type LinkArg,
  type LinkedSkill,
  type ShareLink,
} from '../share';
import { toolModel, type Tool } from '../tools';
import { currentBundle } from './currentBundle';
import { ensureInstance } from './instances';
import { draftKey, usePlayground } from './playgroundStore';
import { getSkill } from './skills';
import { skillTools, type SkillEntry } from './skillEntry';

// Making a share link from what the page shows: the skill's source, the tool and what its form
// holds, the instance's non-secret configuration and limits, and the open file. Secrets, grants
// and permissions are never read into it.

const { getState } = usePlayground;

export type MadeLink =
  | {
      ok: true;
      url: string;
      /** The skill's source as the link names it. */
      skill: LinkedSkill;
      /** What the link leaves out or how it will be opened, in sentences. */
      notes: string[];
    }
  | {
      ok: false;
      reason: string;
      /** The skill could travel as a file instead: offer Export and a published URL. */
      exportable: boolean;
    };

/** The page's own address, without a query or fragment: what a link's fragment is put on. */
export function appBaseUrl(): string {
  const url = new URL(window.location.href);
  url.search = '';
  url.hash = '';
  return url.href;
}

/**
 * A link to the skill as it is now. `publishedUrl` names where a local skill is published, when
 * it cannot travel inside the link: the link then references that URL.
 */
export async function makeShareLink(
  key: string,
  options: { publishedUrl?: string } = {},
): Promise<MadeLink> {
  const skill = getSkill(key);
  if (!skill) return { ok: false, reason: 'No skill is open.', exportable: false };
  const notes: string[] = [];
  const source = await linkedSkill(skill, options.publishedUrl, notes);
  if (!source.ok) return source;
  const link: ShareLink = { skill: source.skill, ...formState(skill, notes) };

  const instance = await ensureInstance(key);
  const config = instance.config.filter((entry) => !entry.secret);
  if (config.length > 0) link.config = config.map(({ key: k, value }) => ({ key: k, value }));
  const secrets = instance.config.length - config.length;
  if (secrets > 0) {
    notes.push(
      `${secrets === 1 ? 'One secret stays' : `${secrets} secrets stay`} in this browser: the link never carries secrets, permissions or grants.`,
    );
  }
  const limits = {
    ...(instance.timeoutMs ? { timeoutMs: instance.timeoutMs } : {}),
    ...(instance.maxOutputBytes ? { maxOutputBytes: instance.maxOutputBytes } : {}),
    ...(instance.maxMemoryBytes ? { maxMemoryBytes: instance.maxMemoryBytes } : {}),
  };
  if (Object.keys(limits).length > 0) link.limits = limits;
  const file = getState().openFiles[key]?.path;
  if (file) link.view = { file };

  const fragment = await encodeShareLink(link);
  const url = `${appBaseUrl()}#${fragment}`;
  if (fragment.length > LINK_LIMITS.maxChars) {
    const size = `${fragment.length.toLocaleString('en')} characters, more than the ${LINK_LIMITS.maxChars.toLocaleString('en')} a link may be`;
    return source.skill.from === 'inline'
      ? {
          ok: false,
          reason: `${skill.name} is too big to travel inside a link: its files make a link of ${size}.`,
          exportable: true,
        }
      : {
          ok: false,
          reason: `The arguments make a link of ${size}: shorten them, or export the workspace instead.`,
          exportable: false,
        };
  }
  return { ok: true, url, skill: source.skill, notes };
}

async function linkedSkill(
  skill: SkillEntry,
  publishedUrl: string | undefined,
  notes: string[],
): Promise<{ ok: true; skill: LinkedSkill } | Extract<MadeLink, { ok: false }>> {
  const edited = skill.originals?.size ?? 0;
  const editsLeftOut = () => {
    if (edited > 0) {
      notes.push(
        `Your edits to ${edited === 1 ? 'one file are' : `${edited} files are`} not in the link: it names the skill as published. Export the skill to share them.`,
      );
    }
  };
  if (publishedUrl === undefined && skill.source.kind === 'example') {
    editsLeftOut();
    return { ok: true, skill: { from: 'example', id: skill.source.id } };
  }
  if (publishedUrl === undefined && skill.source.kind === 'url' && skill.sourceSha256) {
    editsLeftOut();
    const root = skill.bundle?.rootName ?? skill.storedRoot ?? skill.name;
    const { url, path } = skill.source;
    return {
      ok: true,
      skill: { from: 'url', url, root, sha256: skill.sourceSha256, ...(path ? { path } : {}) },
    };
  }
  const read = await currentBundle(skill.key);
  if (!read.ok) return { ok: false, reason: read.reason, exportable: false };
  const { bundle } = read.value;
  if (publishedUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(publishedUrl.trim());
    } catch (error) {
      return { ok: false, reason: `That is not a URL: ${errorMessage(error)}`, exportable: true };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return { ok: false, reason: 'A published skill has an http or https URL.', exportable: true };
    }
    notes.push(
      `Whoever opens the link fetches ${url.href} and is told if it differs from your copy.`,
    );
    return {
      ok: true,
      skill: {
        from: 'url',
        url: url.href,
        root: bundle.rootName,
        sha256: await bundleDigest(bundle.files),
      },
    };
  }
  const inline = inlineFiles(bundle.files);
  if (!inline.ok) {
    return {
      ok: false,
      reason: `${skill.name} cannot travel inside a link. ${inline.reason}`,
      exportable: true,
    };
  }
  notes.push('The skill travels inside the link: its files, edits included.');
  return { ok: true, skill: { from: 'inline', root: bundle.rootName, files: inline.files } };
}

/** The tool shown and what its form holds, leaving out secret and file fields. */
function formState(skill: SkillEntry, notes: string[]): Pick<ShareLink, 'tool' | 'args'> {
  const state = getState();
  const tools = skillTools(skill);
  if (tools.length === 0) {
    const values = state.instructions[skill.key]?.values;
    const args = values && stringsOnly(values);
    return args && Object.keys(args).length > 0 ? { args } : {};
  }
  const tool = tools.find((t) => t.name === state.selectedTool[skill.key]) ?? tools[0]!;
  const drafts = state.drafts[draftKey(skill.key, tool.name)];
  if (!drafts) return { tool: tool.name };
  const { args, left } = linkArgs(tool, drafts);
  if (left.length > 0) {
    notes.push(
      `Left out of the link: ${left.join(', ')} (secret and file arguments never travel in links).`,
    );
  }
  return { tool: tool.name, args };
}

function linkArgs(tool: Tool, drafts: Record<string, unknown>) {
  const args: Record<string, LinkArg> = {};
  const left: string[] = [];
  if (tool.call.kind === 'wit') {
    for (const [name, value] of Object.entries(drafts)) args[name] = value as LinkArg;
    return { args, left };
  }
  for (const field of toolModel(tool).fields) {
    const value = drafts[field.name];
    if (value === undefined) continue;
    if (field.kind === 'secret' || field.kind === 'file') {
      if (value !== null && value !== '') left.push(field.name);
      continue;
    }
    args[field.name] = value as LinkArg;
  }
  return { args, left };
}

function stringsOnly(drafts: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(drafts).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}
