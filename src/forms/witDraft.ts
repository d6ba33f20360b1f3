import {
  INTEGER_RANGES,
  isInteger,
  isTypedArrayKind,
  lowerCamel,
  TYPED_ARRAYS,
  type WitParam,
  type WitType,
} from '../wit';

/**
 * What a WIT-typed control holds while it is edited: text for numbers, chars and strings (so typing
 * is never fought), a boolean for bool, the chosen names for enum and flags, an object per record,
 * an array per tuple or list, and `{tag, val}` for variant, option and result.
 */
export type WitDraft = string | boolean | WitDraft[] | { [key: string]: WitDraft };

export type WitErrors = Record<string, string>;

/** A control's starting value: empty text, false, the first case, no items. */
export function initialWitDraft(type: WitType): WitDraft {
  switch (type.kind) {
    case 'bool':
      return false;
    case 'enum':
      return type.names[0] ?? '';
    case 'flags':
      return [];
    case 'record':
      return Object.fromEntries(type.fields.map((f) => [f.name, initialWitDraft(f.type)]));
    case 'tuple':
      return type.items.map(initialWitDraft);
    case 'list':
      return type.length === undefined
        ? []
        : Array.from({ length: type.length }, () => initialWitDraft(type.element));
    case 'variant':
      return caseDraft(type.cases[0]?.name ?? '', type.cases[0]?.type);
    case 'option':
      return caseDraft('none', type.inner);
    case 'result':
      return caseDraft('ok', type.ok);
    default:
      return '';
  }
}

/** A variant-like draft for `tag`, with a fresh payload when the case has one. */
export function caseDraft(tag: string, payload: WitType | undefined): WitDraft {
  return payload ? { tag, val: initialWitDraft(payload) } : { tag };
}

export function initialWitDrafts(params: WitParam[]): Record<string, WitDraft> {
  return Object.fromEntries(params.map((p) => [p.name, initialWitDraft(p.type)]));
}

export type WitRead = { ok: true; args: unknown[] } | { ok: false; errors: WitErrors };

/**
 * Turns the drafts into the arguments jco expects (bigint for 64-bit integers, camelCase record
 * keys, `{tag, val}` variants, undefined for none, typed arrays for numeric lists). Errors are
 * keyed by the path of the control they belong to: `points[0].x`.
 */
export function readWitDrafts(params: WitParam[], drafts: Record<string, unknown>): WitRead {
  const errors: WitErrors = {};
  const args = params.map((p) => readWitValue(p.type, drafts[p.name], p.name, errors));
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, args };
}

export function readWitValue(
  type: WitType,
  draft: unknown,
  path: string,
  errors: WitErrors,
): unknown {
  const fail = (message: string) => {
    errors[path] = message;
    return undefined;
  };
  const text = typeof draft === 'string' ? draft.trim() : '';
  if (isInteger(type.kind)) {
    if (text === '') return fail('Required.');
    if (!/^[+-]?\d+$/.test(text)) return fail('Enter a whole number.');
    const [min, max] = INTEGER_RANGES[type.kind]!;
    const n = BigInt(text);
    if (n < min || n > max) return fail(`A ${type.kind} is ${min} to ${max}.`);
    return type.kind === 's64' || type.kind === 'u64' ? n : Number(n);
  }
  switch (type.kind) {
    case 'bool':
      return draft === true;
    case 'f32':
    case 'f64': {
      if (text === '') return fail('Required.');
      const special: Record<string, number> = { nan: NaN, inf: Infinity, '-inf': -Infinity };
      const n = text.toLowerCase() in special ? special[text.toLowerCase()]! : Number(text);
      if (Number.isNaN(n) && text.toLowerCase() !== 'nan')
        return fail(`"${text}" is not a number (nan, inf and -inf are allowed).`);
      return n;
    }
    case 'char': {
      const chars = [...(typeof draft === 'string' ? draft : '')];
      if (chars.length !== 1) return fail('Enter exactly one character.');
      return chars[0];
    }
    case 'string':
      return typeof draft === 'string' ? draft : '';
    case 'enum':
      return type.names.includes(draft as string) ? draft : fail('Choose one.');
    case 'flags': {
      const set = new Set(Array.isArray(draft) ? draft : []);
      return Object.fromEntries(type.names.map((name) => [lowerCamel(name), set.has(name)]));
    }
    case 'record': {
      const fields = (draft ?? {}) as Record<string, unknown>;
      return Object.fromEntries(
        type.fields.map((f) => [
          lowerCamel(f.name),
          readWitValue(f.type, fields[f.name], `${path}.${f.name}`, errors),
        ]),
      );
    }
    case 'tuple': {
      const items = Array.isArray(draft) ? draft : [];
      return type.items.map((item, i) => readWitValue(item, items[i], `${path}.${i}`, errors));
    }
    case 'list': {
      const items = Array.isArray(draft) ? draft : [];
      if (type.length !== undefined && items.length !== type.length)
        return fail(`Needs exactly ${type.length} items.`);
      const values = items.map((item, i) =>
        readWitValue(type.element, item, `${path}[${i}]`, errors),
      );
      const kind = type.element.kind;
      // jco copies numeric lists straight from a typed array's buffer.
      if (isTypedArrayKind(kind) && !type.element.name) {
        try {
          return new TYPED_ARRAYS[kind](values as never);
        } catch {
          return values;
        }
      }
      return values;
    }
    case 'variant': {
      const { tag, val } = tagged(draft);
      const found = type.cases.find((c) => c.name === tag);
      if (!found) return fail('Choose a case.');
      return found.type
        ? { tag, val: readWitValue(found.type, val, `${path}.${tag}`, errors) }
        : { tag };
    }
    case 'option': {
      const { tag, val } = tagged(draft);
      // jco gives option<T> as T or undefined, except an option of an option, which is tagged.
      const nested = type.inner.kind === 'option';
      if (tag !== 'some') return nested ? { tag: 'none' } : undefined;
      const inner = readWitValue(type.inner, val, `${path}.some`, errors);
      return nested ? { tag: 'some', val: inner } : inner;
    }
    case 'result': {
      const { tag, val } = tagged(draft);
      const payload = tag === 'err' ? type.err : type.ok;
      const name = tag === 'err' ? 'err' : 'ok';
      return payload
        ? { tag: name, val: readWitValue(payload, val, `${path}.${name}`, errors) }
        : { tag: name };
    }
    default:
      return fail(`${type.kind} values cannot be entered yet.`);
  }
}

function tagged(draft: unknown): { tag?: string; val?: unknown } {
  return draft && typeof draft === 'object' && !Array.isArray(draft)
    ? (draft as { tag?: string; val?: unknown })
    : {};
}
