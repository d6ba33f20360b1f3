// Small checks the record guards are built from: a stored value is `unknown` until they pass.

/** A stored record as an object whose fields are not known yet. */
export type StoredObject = Record<string, unknown>;

export function isStoredObject(value: unknown): value is StoredObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type FileEntries = Array<[path: string, bytes: Uint8Array]>;

export const isString = (value: unknown): value is string => typeof value === 'string';

export const isOptional =
  <T>(check: (value: unknown) => value is T) =>
  (value: unknown): value is T | undefined =>
    value === undefined || check(value);

export const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

export const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

/** Pairs of a path and what `isContent` accepts, as files are stored. */
export function isPathPairs(value: unknown, isContent: (content: unknown) => boolean): boolean {
  return (
    Array.isArray(value) &&
    value.every(
      (entry) =>
        Array.isArray(entry) &&
        entry.length === 2 &&
        typeof entry[0] === 'string' &&
        isContent(entry[1]),
    )
  );
}

/** Path and bytes pairs, as files are stored everywhere. */
export function isFileEntries(value: unknown): value is FileEntries {
  return isPathPairs(value, (content) => content instanceof Uint8Array);
}
