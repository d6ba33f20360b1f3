// A field's draft and the JSON it stands for, both ways, for every kind of control: what the form
// starts with, what Run reads from it (errors keyed by path: `lines[0].sku`), and the draft that
// shows a JSON value, which is how the JSON view hands its value back to the form.
import { errorMessage } from '../errors';
import {
  branchField,
  childFields,
  itemField,
  nonNullField,
  type DraftValue,
  type Field,
  type FileDraft,
  type NestedDraft,
} from './fieldModel';
import { alternativesOf, typesOf } from './schemaResolve';
import { MAX_SCHEMA_DEPTH, schemaNestsDeeperThan } from './schemaDepth';

const NESTED = new Set(['object', 'array', 'choice', 'nullable']);

/** At most this many items are put in an array's form to meet its minItems. */
const MAX_PREFILLED_ITEMS = 10;

/** The control's starting value: the schema's default in the control's own form, else empty. */
export function initialDraft(field: Field): DraftValue {
  // A default nested past the limit is not printed (JSON.stringify recurses); Run says why.
  if (schemaNestsDeeperThan(field.schema, MAX_SCHEMA_DEPTH - 1)) {
    return initialDraft({ ...field, schema: {} });
  }
  const value = field.schema.default;
  switch (field.kind) {
    case 'object':
    case 'array':
    case 'choice':
    case 'nullable':
      return draftFromValue(field, value, true);
    case 'checkbox':
      return value === true;
    case 'list':
      return Array.isArray(value) ? value.map(String) : [];
    case 'file':
      return null;
    case 'json':
      return value === undefined
        ? ''
        : typeof value === 'string'
          ? value
          : JSON.stringify(value, null, 2);
    default: {
      const shown = value ?? field.schema.const;
      return shown === undefined || shown === null ? '' : String(shown);
    }
  }
}

export function initialDrafts(fields: Field[]): Record<string, DraftValue> {
  return Object.fromEntries(fields.map((f) => [f.name, initialDraft(f)]));
}

/**
 * The draft that shows `value` in the field's control. An absent value gives an empty control,
 * or with `defaults` the field's starting one. Keys an object's form has no field for are kept
 * aside and given back when the form is read, so nothing typed in the JSON view is lost.
 */
export function draftFromValue(field: Field, value: unknown, defaults = false): DraftValue {
  // A control that holds no others starts from its own default; one that does, from each of its
  // inner controls' defaults (below).
  if (value === undefined && defaults && !NESTED.has(field.kind)) return initialDraft(field);
  switch (field.kind) {
    case 'object': {
      const given = isRecord(value) ? value : {};
      const children = childFields(field);
      const known = new Set(children.map((c) => c.name));
      const extra = Object.fromEntries(Object.entries(given).filter(([k]) => !known.has(k)));
      const draft: NestedDraft = {
        $object: Object.fromEntries(
          children.map((c) => [c.name, draftFromValue(c, given[c.name], defaults)]),
        ),
      };
      if (Object.keys(extra).length > 0) draft.$extra = extra;
      return draft;
    }
    case 'array': {
      if (Array.isArray(value)) {
        return { $items: value.map((item, i) => draftFromValue(itemField(field, i), item)) };
      }
      // A new form starts with as many items as the array needs; a value without one has none.
      const count = defaults ? Math.min(field.schema.minItems ?? 0, MAX_PREFILLED_ITEMS) : 0;
      return {
        $items: Array.from({ length: count }, (_, i) => initialDraft(itemField(field, i))),
      };
    }
    case 'choice': {
      const index = value === undefined ? 0 : matchingBranch(field, value);
      return { $choice: index, value: draftFromValue(branchField(field, index), value, defaults) };
    }
    case 'nullable':
      return {
        $null: value === null,
        value: draftFromValue(nonNullField(field), value ?? undefined, defaults),
      };
    case 'checkbox':
      return value === true;
    case 'list':
      return Array.isArray(value)
        ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
        : [];
    case 'file':
      return typeof value === 'string'
        ? ({ name: 'from the JSON view', size: value.length, content: value } satisfies FileDraft)
        : null;
    case 'json':
      return value === undefined ? '' : JSON.stringify(value, null, 2);
    default:
      if (value === undefined || value === null) return '';
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/** The drafts of a whole form showing `value`, as the JSON view hands it back. */
export function draftsFromValue(
  fields: Field[],
  value: Record<string, unknown>,
): Record<string, DraftValue> {
  return Object.fromEntries(fields.map((f) => [f.name, draftFromValue(f, value[f.name])]));
}

/**
 * The alternative a value is: the first whose type fits and, for an object, whose required keys
 * are all there and whose fixed values (`const`, a one-value enum) it has. The first when none is.
 */
function matchingBranch(field: Field, value: unknown): number {
  const count = alternativesOf(field.schema)?.length ?? 0;
  for (let i = 0; i < count; i++) {
    const branch = branchField(field, i);
    if (fits(branch, value)) return i;
  }
  return 0;
}

function fits(field: Field, value: unknown): boolean {
  const types = typesOf(field.schema);
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  if (types.length > 0) {
    const ok = types.some(
      (t) =>
        t === kind ||
        (t === 'integer' && typeof value === 'number' && Number.isInteger(value)) ||
        (t === 'object' && kind === 'object'),
    );
    if (!ok) return false;
  }
  if (field.kind !== 'object') return true;
  if (!isRecord(value)) return false;
  if ((field.schema.required ?? []).some((key) => !(key in value))) return false;
  return childFields(field).every((child) => {
    const fixed =
      child.schema.const ?? (child.schema.enum?.length === 1 ? child.schema.enum[0] : undefined);
    return fixed === undefined || !(child.name in value) || value[child.name] === fixed;
  });
}

/**
 * What a field's draft stands for. Problems only the control can know (a number that does not
 * parse, JSON with a syntax error, an empty item) are put in `errors` under the field's path; with
 * `lenient` the text is taken as it is instead (the JSON view shows what the form holds).
 */
export function readNode(
  field: Field,
  draft: DraftValue,
  path: string,
  errors: Record<string, string>,
  lenient = false,
  controls?: Set<string>,
): unknown {
  controls?.add(path);
  const nested = (draft ?? {}) as Record<string, unknown>;
  switch (field.kind) {
    case 'object': {
      const fields = (nested.$object ?? {}) as Record<string, DraftValue>;
      const out: Record<string, unknown> = { ...(nested.$extra as object | undefined) };
      for (const child of childFields(field)) {
        const v = readNode(
          child,
          fields[child.name] ?? null,
          `${path}.${child.name}`,
          errors,
          lenient,
          controls,
        );
        if (v !== undefined) out[child.name] = v;
      }
      // An optional object left empty is left out rather than sent as {}.
      return Object.keys(out).length === 0 && !field.required ? undefined : out;
    }
    case 'array': {
      const items = Array.isArray(nested.$items) ? (nested.$items as DraftValue[]) : [];
      if (items.length === 0 && !field.required) return undefined;
      return items.map((item, i) => {
        const at = `${path}[${i}]`;
        const v = readNode(itemField(field, i), item, at, errors, lenient, controls);
        if (v === undefined && !lenient) errors[at] ??= 'Fill in this item or remove it.';
        return v ?? null;
      });
    }
    case 'choice': {
      const index = typeof nested.$choice === 'number' ? nested.$choice : 0;
      return readNode(
        branchField(field, index),
        (nested.value ?? null) as DraftValue,
        path,
        errors,
        lenient,
        controls,
      );
    }
    case 'nullable':
      return nested.$null === true
        ? null
        : readNode(
            nonNullField(field),
            (nested.value ?? null) as DraftValue,
            path,
            errors,
            lenient,
            controls,
          );
    default: {
      const read = readField(field, draft);
      if (!('error' in read)) return read.value;
      if (lenient) return typeof draft === 'string' ? draft : undefined;
      errors[path] = read.error;
      return undefined;
    }
  }
}

export type FieldRead = { value: unknown } | { error: string };

/** What one control that holds no others stands for, or why it stands for nothing. */
export function readField(field: Field, draft: DraftValue): FieldRead {
  switch (field.kind) {
    case 'checkbox':
      return { value: draft === true };
    case 'number': {
      const text = typeof draft === 'string' ? draft.trim() : '';
      if (text === '') return { value: undefined };
      const n = Number(text);
      if (!Number.isFinite(n)) return { error: `"${text}" is not a number.` };
      if (field.schema.type === 'integer' && !Number.isInteger(n))
        return { error: 'Enter a whole number.' };
      return { value: n };
    }
    case 'json': {
      const text = typeof draft === 'string' ? draft.trim() : '';
      if (text === '') return { value: undefined };
      try {
        return { value: JSON.parse(text) };
      } catch (e) {
        return { error: `Invalid JSON: ${errorMessage(e)}` };
      }
    }
    case 'list':
      return { value: Array.isArray(draft) ? draft.filter((item) => item !== '') : [] };
    case 'file':
      return {
        value: draft && typeof draft === 'object' ? (draft as FileDraft).content : undefined,
      };
    case 'select': {
      const text = typeof draft === 'string' ? draft : '';
      if (text === '') return { value: undefined };
      // The option as the schema wrote it: a number enum gives a number, not its text.
      const allowed =
        field.schema.const !== undefined ? [field.schema.const] : (field.schema.enum ?? []);
      const match = allowed.find((v) => String(v) === text);
      return { value: match === undefined ? text : match };
    }
    default: {
      const text = typeof draft === 'string' ? draft : '';
      return { value: text === '' ? undefined : text };
    }
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
