import { findSkillMdPath } from './analyzeBundle';
import { ArchiveError } from './archive';
import { parseSkillSpec } from './parseSkillSpec';
import { skillMdFromSkillSpec } from './skillSpec';
import type { Bundle, PickedFile } from './types';
import { unzipArchive } from './unzipArchive';
import type { FileMap } from '../vfs';

export interface GroupedBundles {
  bundles: Bundle[];
  /** Sentences about what was handed over but is not a skill. */
  problems: string[];
}

/** Folders that are never part of a skill and can be huge. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules', '.DS_Store']);
/** A browser tab cannot hold everything; past this a drop is refused with a message. */
export const MAX_PICKED_BYTES = 256 * 1024 * 1024;

/** Files from an `<input type=file webkitdirectory>` or a multi-file input. */
export function pickedFromFileList(list: ArrayLike<File>): PickedFile[] {
  return Array.from(list, (file) => ({ path: file.webkitRelativePath || file.name, file }));
}

/**
 * Reads a drop. Entries must be taken from the DataTransfer before the first await (the browser
 * empties it after the event), then directories are walked recursively.
 */
export async function pickedFromDataTransfer(data: DataTransfer): Promise<PickedFile[]> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(data.items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file) loose.push(file);
    }
  }
  if (entries.length === 0 && loose.length === 0) loose.push(...Array.from(data.files));
  const out: PickedFile[] = loose.map((file) => ({ path: file.name, file }));
  for (const entry of entries) out.push(...(await walkEntry(entry, '')));
  return out;
}

async function walkEntry(entry: FileSystemEntry, prefix: string): Promise<PickedFile[]> {
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    return [{ path, file }];
  }
  if (SKIPPED_DIRS.has(entry.name)) return [];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // readEntries returns at most 100 entries a call; an empty batch means the end.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) break;
    children.push(...batch);
  }
  const nested = await Promise.all(children.map((child) => walkEntry(child, path)));
  return nested.flat();
}

/**
 * Turns what was picked into skill bundles: each top-level folder is a skill, or, when it has no
 * SKILL.md but its subfolders do, each of those subfolders is; a lone `.wasm` file is a skill of
 * its own. Everything else is reported, not silently dropped.
 */
export async function bundlesFromPicked(picked: PickedFile[]): Promise<GroupedBundles> {
  const problems: string[] = [];
  const total = picked.reduce((sum, p) => sum + p.file.size, 0);
  if (total > MAX_PICKED_BYTES) {
    return {
      bundles: [],
      problems: [
        `That is ${formatMiB(total)} of files; the playground takes at most ${formatMiB(MAX_PICKED_BYTES)} at once.`,
      ],
    };
  }

  const folders = new Map<string, PickedFile[]>();
  const bundles: Bundle[] = [];
  for (const item of picked) {
    const parts = item.path.split('/').filter(Boolean);
    if (parts.some((part) => SKIPPED_DIRS.has(part))) continue;
    if (parts.length === 1) {
      const name = parts[0]!;
      if (/\.(zip|skill)$/i.test(name)) {
        try {
          // The file goes to the unzip worker as it is: not even its bytes are read here.
          const inner = await bundlesFromPicked(await unzipArchive(item.file, name));
          problems.push(...inner.problems);
          for (const bundle of inner.bundles)
            bundles.push({ ...bundle, source: { kind: 'archive', name } });
        } catch (error) {
          if (!(error instanceof ArchiveError)) throw error;
          problems.push(error.message);
        }
      } else if (name.toLowerCase().endsWith('.wasm')) {
        const bytes = new Uint8Array(await item.file.arrayBuffer());
        bundles.push({
          rootName: name.replace(/\.wasm$/i, ''),
          files: new Map([[name, bytes]]),
          source: { kind: 'wasm', name },
        });
      } else if (name.toLowerCase().endsWith('.json')) {
        const imported = skillSpecBundle(name, await item.file.text());
        if ('problem' in imported) problems.push(imported.problem);
        else bundles.push(imported.bundle);
      } else {
        problems.push(describeLooseFile(name));
      }
      continue;
    }
    const top = parts[0]!;
    const list = folders.get(top) ?? [];
    list.push({ path: parts.slice(1).join('/'), file: item.file });
    folders.set(top, list);
  }

  for (const [folder, items] of folders) {
    const files = await readAll(items);
    if (findSkillMdPath(files) || [...files.keys()].some((p) => !p.includes('/'))) {
      bundles.push({ rootName: folder, files, source: { kind: 'folder', name: folder } });
      continue;
    }
    const nested = splitByTopFolder(files);
    const skills = [...nested].filter(([, sub]) => findSkillMdPath(sub));
    if (skills.length === 0) {
      problems.push(`"${folder}" has no SKILL.md, and none of its folders has one.`);
    }
    for (const [name, sub] of skills) {
      bundles.push({
        rootName: name,
        files: sub,
        source: { kind: 'folder', name: `${folder}/${name}` },
      });
    }
  }
  return { bundles, problems };
}

/**
 * A lone .json file is read as awaken's SkillSpec record (the only JSON form a skill takes) and
 * becomes an instructions-only skill: a SKILL.md written from it, as awaken itself writes one.
 */
function skillSpecBundle(name: string, text: string): { bundle: Bundle } | { problem: string } {
  const parsed = parseSkillSpec(text);
  if (!parsed.ok) {
    // Some other JSON file gets one sentence; a SkillSpec with mistakes gets every mistake.
    return {
      problem: parsed.isOtherJson
        ? `${name} is not a skill: ${parsed.errors.join('; ')}.`
        : `${name} is not a SkillSpec awaken would accept: ${parsed.errors.join('; ')}.`,
    };
  }
  const { spec } = parsed;
  return {
    bundle: {
      rootName: spec.id,
      files: new Map([['SKILL.md', new TextEncoder().encode(skillMdFromSkillSpec(spec))]]),
      source: { kind: 'skillspec', name },
    },
  };
}

function describeLooseFile(name: string): string {
  const lower = name.toLowerCase();
  if (lower === 'skill.md') {
    return `${name}: drop the folder that holds SKILL.md, so its other files come along.`;
  }
  return `${name} is not a skill: drop a skill folder (with SKILL.md), a .zip or .skill archive, a .wasm component, or a SkillSpec .json.`;
}

async function readAll(items: PickedFile[]): Promise<FileMap> {
  const entries = await Promise.all(
    items.map(async (item) => [item.path, new Uint8Array(await item.file.arrayBuffer())] as const),
  );
  return new Map(entries.sort(([a], [b]) => a.localeCompare(b)));
}

function splitByTopFolder(files: FileMap): Map<string, FileMap> {
  const out = new Map<string, FileMap>();
  for (const [path, bytes] of files) {
    const slash = path.indexOf('/');
    if (slash < 0) continue;
    const top = path.slice(0, slash);
    const sub = out.get(top) ?? new Map<string, Uint8Array>();
    sub.set(path.slice(slash + 1), bytes);
    out.set(top, sub);
  }
  return out;
}

function formatMiB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}
