import type { Bundle } from './types';

/** public/examples/index.json, written by examples/build.mjs. */
export interface ExampleIndex {
  version: 1;
  examples: Array<{ id: string; files: string[] }>;
}

export type ExampleEntry = ExampleIndex['examples'][number];

export function examplesBaseUrl(): URL {
  return new URL(`${import.meta.env.BASE_URL}examples/`, window.location.href);
}

export async function fetchExampleIndex(base = examplesBaseUrl()): Promise<ExampleEntry[]> {
  const response = await fetch(new URL('index.json', base));
  if (!response.ok)
    throw new Error(`The example list could not be loaded (HTTP ${response.status}).`);
  const index = (await response.json()) as Partial<ExampleIndex>;
  if (index.version !== 1 || !Array.isArray(index.examples)) {
    throw new Error('The example list has an unknown format.');
  }
  return index.examples;
}

async function fetchBytes(url: URL): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok)
    throw new Error(`${url.pathname} could not be loaded (HTTP ${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Only the files that describe the skill (SKILL.md, or an astrid capsule's Capsule.toml), so the
 * list can show it without downloading wasm.
 */
export async function fetchExampleManifest(
  entry: ExampleEntry,
  base = examplesBaseUrl(),
): Promise<Bundle> {
  const wanted = entry.files.filter((f) => /^(skill\.md|capsule\.toml)$/i.test(f));
  return fetchExample(entry, wanted, base);
}

export async function fetchExampleBundle(
  entry: ExampleEntry,
  base = examplesBaseUrl(),
): Promise<Bundle> {
  return fetchExample(entry, entry.files, base);
}

async function fetchExample(entry: ExampleEntry, paths: string[], base: URL): Promise<Bundle> {
  const dir = new URL(`${encodeURIComponent(entry.id)}/`, base);
  const files = await Promise.all(
    paths.map(async (path) => [path, await fetchBytes(new URL(path, dir))] as const),
  );
  return { rootName: entry.id, files: new Map(files), source: { kind: 'example', id: entry.id } };
}
