// A JSON value as the rows of a collapsible tree. Only the rows that can be seen are made: a
// megabyte of JSON opens with a screenful of rows, and a container shows its children a page at
// a time, so nothing ever lays out every node at once.

export type JsonPath = Array<string | number>;

export type JsonRow =
  | {
      type: 'node';
      /** The node's path as text: its id, and what "Copy path" gives. */
      id: string;
      path: JsonPath;
      depth: number;
      /** Its key in its object, or index in its array; absent for the root. */
      key?: string | number;
      value: unknown;
      /** An object or array: it has children and can be expanded. */
      container: boolean;
      childCount: number;
      expanded: boolean;
    }
  | {
      type: 'more';
      id: string;
      /** The container whose further children it shows. */
      parentId: string;
      depth: number;
      shown: number;
      total: number;
    };

/** Children shown at a time under one container. */
export const JSON_PAGE = 100;
/** Rows opened at first: containers are expanded breadth first until about this many show. */
export const JSON_FIRST_ROWS = 150;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `$.items[1].name`, `$["a key"]`: a path that reads as JavaScript and as JSONPath. */
export function pathText(path: JsonPath): string {
  return path.reduce<string>(
    (text, step) =>
      typeof step === 'number'
        ? `${text}[${step}]`
        : IDENTIFIER.test(step)
          ? `${text}.${step}`
          : `${text}[${JSON.stringify(step)}]`,
    '$',
  );
}

const isContainer = (value: unknown): value is object =>
  typeof value === 'object' && value !== null;

function children(value: object): Array<[string | number, unknown]> {
  return Array.isArray(value)
    ? value.map((item, index) => [index, item] as [number, unknown])
    : Object.entries(value);
}

export const childCount = (value: unknown): number =>
  isContainer(value) ? (Array.isArray(value) ? value.length : Object.keys(value).length) : 0;

/**
 * The containers open at first: the root, then its children breadth first while the rows they
 * add keep the tree near JSON_FIRST_ROWS.
 */
export function initiallyExpanded(root: unknown, budget = JSON_FIRST_ROWS): Set<string> {
  const expanded = new Set<string>();
  if (!isContainer(root)) return expanded;
  let rows = 1;
  const queue: Array<{ value: object; path: JsonPath }> = [{ value: root, path: [] }];
  while (queue.length > 0) {
    const { value, path } = queue.shift()!;
    const adds = Math.min(childCount(value), JSON_PAGE);
    if (expanded.size > 0 && rows + adds > budget) continue;
    expanded.add(pathText(path));
    rows += adds;
    for (const [key, child] of children(value).slice(0, JSON_PAGE)) {
      if (isContainer(child)) queue.push({ value: child, path: [...path, key] });
    }
  }
  return expanded;
}

/** The rows that show, given the open containers and how many children each shows. */
export function visibleRows(
  root: unknown,
  expanded: ReadonlySet<string>,
  shown: ReadonlyMap<string, number> = new Map(),
): JsonRow[] {
  const rows: JsonRow[] = [];
  const visit = (value: unknown, path: JsonPath, depth: number) => {
    const id = pathText(path);
    const container = isContainer(value);
    const open = container && expanded.has(id);
    rows.push({
      type: 'node',
      id,
      path,
      depth,
      ...(path.length > 0 ? { key: path[path.length - 1] } : {}),
      value,
      container,
      childCount: childCount(value),
      expanded: open,
    });
    if (!open) return;
    const all = children(value);
    const limit = Math.min(all.length, shown.get(id) ?? JSON_PAGE);
    for (const [key, child] of all.slice(0, limit)) visit(child, [...path, key], depth + 1);
    if (limit < all.length) {
      rows.push({
        type: 'more',
        id: `${id}#more`,
        parentId: id,
        depth: depth + 1,
        shown: limit,
        total: all.length,
      });
    }
  };
  visit(root, [], 0);
  return rows;
}

/** What a row shows of its value: a scalar as JSON (cut when long), a container by its size. */
export function valuePreview(value: unknown, maxChars = 2000): string {
  if (Array.isArray(value)) return `[…] ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (isContainer(value)) {
    const count = Object.keys(value).length;
    return `{…} ${count} key${count === 1 ? '' : 's'}`;
  }
  const text = JSON.stringify(value) ?? String(value);
  return text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
}
