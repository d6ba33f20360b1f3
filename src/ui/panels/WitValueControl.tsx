import { caseDraft, initialWitDraft, type WitDraft, type WitErrors } from '../../forms';
import { INTEGER_RANGES, isInteger, witTypeText, type WitType } from '../../wit';

interface Props {
  type: WitType;
  value: WitDraft | undefined;
  onChange: (value: WitDraft) => void;
  /** The error key of this value, as readWitValue builds it: `points[0].x`. */
  path: string;
  /** What a screen reader hears for it: every step of the way, `points item 1 x`. */
  label: string;
  /** The name shown beside it: the parameter, field or case name alone. */
  shown: string;
  errors?: WitErrors;
}

/**
 * One control per WIT type, nested as the type nests: records and tuples as groups, lists with
 * Add and Remove, variants, options and results as a case choice followed by its payload.
 */
export function WitValueControl(props: Props) {
  const { type, path, errors } = props;
  const error = errors?.[path];
  const id = `wit-${path.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
  const typeText = witTypeText(type);
  const compound = ['record', 'tuple', 'list', 'flags', 'variant', 'option', 'result'].includes(
    type.kind,
  );
  if (compound) {
    return (
      <fieldset className={`wit-group wit-${type.kind}`} aria-label={props.label}>
        <legend>
          {props.shown} <span className="param-type">{typeText}</span>
        </legend>
        <Compound {...props} />
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </fieldset>
    );
  }
  return (
    <div className={`field wit-field wit-${type.kind}`}>
      <label htmlFor={id}>{props.shown}</label> <span className="param-type">{typeText}</span>
      <Leaf {...props} id={id} error={error} />
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function Leaf({
  type,
  value,
  onChange,
  label,
  id,
  error,
}: Props & { id: string; error: string | undefined }) {
  const common = {
    id,
    'aria-label': label,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  };
  const text = typeof value === 'string' ? value : '';
  if (type.kind === 'bool') {
    return (
      <input
        type="checkbox"
        {...common}
        checked={value === true}
        onChange={(e) => onChange(e.target.checked)}
      />
    );
  }
  if (type.kind === 'enum') {
    return (
      <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
        {type.names.map((name) => (
          <option key={name}>{name}</option>
        ))}
      </select>
    );
  }
  const placeholder = isInteger(type.kind)
    ? `${INTEGER_RANGES[type.kind]![0]} to ${INTEGER_RANGES[type.kind]![1]}`
    : type.kind === 'f32' || type.kind === 'f64'
      ? 'a number, nan, inf or -inf'
      : type.kind === 'char'
        ? 'one character'
        : undefined;
  return (
    <input
      type="text"
      {...common}
      inputMode={isInteger(type.kind) ? 'numeric' : placeholder ? 'decimal' : undefined}
      placeholder={placeholder}
      value={text}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

function Compound(props: Props) {
  const { type, value, onChange, path, label, errors } = props;
  switch (type.kind) {
    case 'record': {
      const fields = asObject(value);
      return type.fields.map((field) => (
        <WitValueControl
          key={field.name}
          type={field.type}
          value={fields[field.name]}
          onChange={(next) => onChange({ ...fields, [field.name]: next })}
          path={`${path}.${field.name}`}
          label={`${label} ${field.name}`}
          shown={field.name}
          errors={errors}
        />
      ));
    }
    case 'tuple': {
      const items = asArray(value, type.items.length);
      return type.items.map((item, i) => (
        <WitValueControl
          key={i}
          type={item}
          value={items[i]}
          onChange={(next) => onChange(items.map((old, j) => (j === i ? next : old)))}
          path={`${path}.${i}`}
          label={`${label} ${i + 1}`}
          shown={`${i + 1}`}
          errors={errors}
        />
      ));
    }
    case 'list': {
      const items = asArray(value, 0);
      const fixed = type.length !== undefined;
      return (
        <div className="wit-list">
          {items.length === 0 && <p className="muted">No items.</p>}
          {items.map((item, i) => (
            <div className="wit-list-item" key={i}>
              <WitValueControl
                type={type.element}
                value={item}
                onChange={(next) => onChange(items.map((old, j) => (j === i ? next : old)))}
                path={`${path}[${i}]`}
                label={`${label} item ${i + 1}`}
                shown={`item ${i + 1}`}
                errors={errors}
              />
              {!fixed && (
                <button
                  type="button"
                  aria-label={`Remove ${label} item ${i + 1}`}
                  onClick={() => onChange(items.filter((_, j) => j !== i))}
                >
                  Remove
                </button>
              )}
            </div>
          ))}
          {!fixed && (
            <button
              type="button"
              aria-label={`Add ${label} item`}
              onClick={() => onChange([...items, initialWitDraft(type.element)])}
            >
              Add item
            </button>
          )}
        </div>
      );
    }
    case 'flags': {
      const set = new Set(Array.isArray(value) ? value.map(String) : []);
      return (
        <div className="wit-flags">
          {type.names.map((name) => (
            <label key={name} className="checkbox">
              <input
                type="checkbox"
                aria-label={`${label} ${name}`}
                checked={set.has(name)}
                onChange={(e) =>
                  onChange(type.names.filter((n) => (n === name ? e.target.checked : set.has(n))))
                }
              />{' '}
              {name}
            </label>
          ))}
        </div>
      );
    }
    case 'variant':
      return (
        <CaseChoice
          {...props}
          cases={type.cases}
          onTag={(tag) => onChange(caseDraft(tag, type.cases.find((c) => c.name === tag)?.type))}
        />
      );
    case 'option':
      return (
        <CaseChoice
          {...props}
          cases={[{ name: 'none' }, { name: 'some', type: type.inner }]}
          // none and some keep the payload, so switching back loses nothing
          onTag={(tag) => onChange({ ...asObject(value), tag })}
        />
      );
    case 'result':
      return (
        <CaseChoice
          {...props}
          cases={[
            { name: 'ok', type: type.ok },
            { name: 'err', type: type.err },
          ]}
          onTag={(tag) => onChange(caseDraft(tag, tag === 'ok' ? type.ok : type.err))}
        />
      );
    default:
      return null;
  }
}

function CaseChoice({
  value,
  onChange,
  path,
  label,
  errors,
  cases,
  onTag,
}: Props & { cases: Array<{ name: string; type?: WitType }>; onTag: (tag: string) => void }) {
  const draft = asObject(value);
  const tag = typeof draft.tag === 'string' ? draft.tag : cases[0]!.name;
  const chosen = cases.find((c) => c.name === tag);
  return (
    <>
      <select aria-label={`${label} case`} value={tag} onChange={(e) => onTag(e.target.value)}>
        {cases.map((c) => (
          <option key={c.name}>{c.name}</option>
        ))}
      </select>
      {chosen?.type && (
        <WitValueControl
          type={chosen.type}
          value={draft.val}
          onChange={(next) => onChange({ ...draft, tag, val: next })}
          path={`${path}.${tag}`}
          label={`${label} ${tag}`}
          shown={tag}
          errors={errors}
        />
      )}
    </>
  );
}

function asObject(value: WitDraft | undefined): Record<string, WitDraft> {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

function asArray(value: WitDraft | undefined, length: number): WitDraft[] {
  return Array.isArray(value) ? value : Array.from({ length }, () => '');
}
