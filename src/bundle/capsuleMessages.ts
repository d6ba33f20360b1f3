// How findings about an astrid Capsule.toml name their place and are worded: in TOML's terms
// ([package], [[tool]] #2, env.TOKEN), with a line to write where that helps.
import { type Path, type SchemaNode, type SchemaProblem, whatIsWrong } from './schemaMessages';

/** The parsed manifest, and whether its component was written as one 0.1.1 `[component]` table. */
export interface CapsuleDoc {
  doc: Record<string, unknown>;
  isSingleComponent: boolean;
}

/**
 * A place as a person finds it in the file: `package.name`, `Tool "search" description`,
 * `[[component]] #2 file`, `capabilities.kv[0]`. Tools are named by their name when they have one.
 */
export function capsuleLabel(path: Path, { doc, isSingleComponent }: CapsuleDoc): string {
  let label = '';
  let afterEntry = false;
  path.forEach((segment, i) => {
    const table = path[i - 1];
    if (typeof segment === 'number' && i === 1 && (table === 'tool' || table === 'component')) {
      label =
        table === 'tool' ? toolLabel(doc, segment) : componentLabel(segment, isSingleComponent);
      afterEntry = true;
    } else if (typeof segment === 'number') label += `[${segment}]`;
    else {
      label += label === '' ? segment : afterEntry ? ` ${segment}` : `.${segment}`;
      afterEntry = false;
    }
  });
  return label;
}

/** The table a key belongs in, as its header would be written: `[package]`, `env.TOKEN`. */
function tableLabel(path: Path, capsule: CapsuleDoc): string {
  if (path.length === 0) return 'Capsule.toml';
  if (path.length === 1) return `[${path[0]}]`;
  return capsuleLabel(path, capsule);
}

export function toolLabel(doc: Record<string, unknown>, index: number): string {
  const tools = doc.tool;
  const entry = Array.isArray(tools) ? (tools[index] as unknown) : undefined;
  const name = typeof entry === 'object' && entry !== null && 'name' in entry ? entry.name : '';
  return typeof name === 'string' && name.trim() !== ''
    ? `Tool "${name}"`
    : `[[tool]] #${index + 1}`;
}

export function componentLabel(index: number, isSingleComponent: boolean): string {
  return isSingleComponent ? '[component]' : `[[component]] #${index + 1}`;
}

/**
 * A schema problem as one sentence. Unknown keys of a table give the keys astrid knows there only
 * the first time (`listed` remembers the tables), so the list is not repeated per key.
 */
export function capsuleMessage(
  problem: SchemaProblem,
  capsule: CapsuleDoc,
  listed: Set<SchemaNode>,
): string {
  const { path, node } = problem;
  const key = path[path.length - 1];
  const keyName = typeof key === 'string' ? key : '';
  if (problem.kind === 'missing') {
    const table = tableLabel(path.slice(0, -1), capsule);
    const choices = node.enum ?? ('const' in node ? [node.const] : undefined);
    if (choices)
      return `${table} needs ${choices.map((v) => `${keyName} = ${JSON.stringify(v)}`).join(' or ')}.`;
    if (node.examples?.length) return `${table} needs ${keyName}, ${example(keyName, node)}.`;
    return `${table} needs ${node.expected ?? keyName}.`;
  }
  if (problem.kind === 'unknown') {
    if (path.length === 1)
      return `"${keyName}" is not a Capsule.toml section astrid knows; check the spelling or remove it.`;
    const known = listed.has(node) ? '' : `; it knows ${problem.allowed.join(', ')}`;
    listed.add(node);
    return `${capsuleLabel(path, capsule)} is not known to astrid 0.1.1${known}.`;
  }
  const hint = node.examples?.length && keyName ? `, ${example(keyName, node)}` : '';
  return `${capsuleLabel(path, capsule)} ${whatIsWrong(problem, 'a table')}${hint}.`;
}

/** TOML strings and lists of strings are written as in JSON. */
const example = (key: string, node: SchemaNode) =>
  `e.g. ${key} = ${JSON.stringify(node.examples![0])}`;
