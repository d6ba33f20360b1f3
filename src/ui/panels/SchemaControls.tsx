// The controls that hold other controls, as JSON Schema nests: an object as a fieldset of its
// properties, an array of objects (or numbers, or choices) as items with Add, Remove and Move,
// a oneOf/anyOf as a choice followed by the chosen alternative's fields, and a nullable type as a
// "null" toggle beside its control. Each inner control is a FieldControl, passed in as `Child`
// so that this module and FieldControl do not import each other.
import type { ComponentType } from 'react';
import {
  alternativeLabel,
  alternativesOf,
  branchField,
  childFields,
  initialDraft,
  itemField,
  nonNullField,
  type DraftValue,
  type Field,
  type NestedDraft,
} from '../../forms';

export interface ChildProps {
  id: string;
  field: Field;
  value: DraftValue;
  /** Where the control sits in the input (`lines[0].sku`): its errors are keyed so. */
  path: string;
  errors?: Record<string, string>;
  onChange: (value: DraftValue) => void;
  /** A name for the control other than the field's, where the field's would repeat. */
  label?: string;
}

interface Props extends ChildProps {
  Child: ComponentType<ChildProps>;
  /** The ids of the description and error shown above, for the group's aria-describedby. */
  describedBy?: string;
  /** Whether the choice itself has an error (no alternative fits). */
  invalid?: boolean;
}

const safeId = (text: string) => text.replace(/[^a-zA-Z0-9_-]/g, '_');

/** The nested control for an object, array, choice or nullable field. */
export function NestedControl(props: Props) {
  switch (props.field.kind) {
    case 'object':
      return <ObjectFields {...props} />;
    case 'array':
      return <ArrayItems {...props} />;
    case 'choice':
      return <Choice {...props} />;
    default:
      return <Nullable {...props} />;
  }
}

function ObjectFields({ id, field, value, path, errors, onChange, Child }: Props) {
  const draft = asNested(value, '$object') ?? { $object: {} };
  const fields = draft.$object;
  return (
    <div className="schema-object">
      {childFields(field).map((child) => (
        <Child
          key={child.name}
          id={`${id}__${safeId(child.name)}`}
          field={child}
          value={fields[child.name] ?? null}
          path={`${path}.${child.name}`}
          errors={errors}
          onChange={(next) => onChange({ ...draft, $object: { ...fields, [child.name]: next } })}
        />
      ))}
    </div>
  );
}

function ArrayItems({ id, field, value, path, errors, onChange, Child }: Props) {
  const items = asNested(value, '$items')?.$items ?? [];
  const set = (next: DraftValue[]) => onChange({ $items: next });
  const move = (from: number, to: number) => {
    const next = [...items];
    [next[from], next[to]] = [next[to]!, next[from]!];
    set(next);
  };
  const max = field.schema.maxItems;
  return (
    <div className="schema-array">
      {items.length === 0 && <p className="muted">No items.</p>}
      <ol>
        {items.map((item, index) => {
          const inner = itemField(field, index);
          const name = `${field.name} ${index + 1}`;
          return (
            <li key={index} className="schema-item">
              <Child
                id={`${id}__${index}`}
                field={inner}
                value={item}
                path={`${path}[${index}]`}
                errors={errors}
                onChange={(next) => set(items.map((it, i) => (i === index ? next : it)))}
              />
              <div className="item-actions">
                <button
                  type="button"
                  aria-label={`Move ${name} up`}
                  disabled={index === 0}
                  onClick={() => move(index, index - 1)}
                >
                  Up
                </button>
                <button
                  type="button"
                  aria-label={`Move ${name} down`}
                  disabled={index === items.length - 1}
                  onClick={() => move(index, index + 1)}
                >
                  Down
                </button>
                <button
                  type="button"
                  aria-label={`Remove ${name}`}
                  onClick={() => set(items.filter((_, i) => i !== index))}
                >
                  Remove
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        aria-label={`Add ${field.name} item`}
        disabled={max !== undefined && items.length >= max}
        onClick={() => set([...items, initialDraft(itemField(field, items.length))])}
      >
        Add item
      </button>
    </div>
  );
}

function Choice(props: Props) {
  const { id, field, value, path, errors, onChange, Child, describedBy, invalid } = props;
  const draft = asNested(value, '$choice') ?? { $choice: 0, value: null };
  const root = field.root ?? field.schema;
  const labels = (alternativesOf(field.schema) ?? []).map((alt, i) =>
    alternativeLabel(alt, root, i),
  );
  const index = Math.min(draft.$choice, labels.length - 1);
  const branch = branchField(field, index);
  return (
    <div className="schema-choice">
      <select
        id={id}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        value={index}
        onChange={(e) => {
          const next = Number(e.target.value);
          onChange({ $choice: next, value: initialDraft(branchField(field, next)) });
        }}
      >
        {labels.map((label, i) => (
          <option key={i} value={i}>
            {label}
          </option>
        ))}
      </select>
      <Child
        id={`${id}__${index}`}
        field={branch}
        value={draft.value}
        path={path}
        // The choice shows this place's error; the chosen form shows those inside it.
        errors={withoutPath(errors, path)}
        label={`${field.name} (${labels[index]})`}
        onChange={(next) => onChange({ $choice: index, value: next })}
      />
    </div>
  );
}

function Nullable({ id, field, value, path, errors, onChange, Child }: Props) {
  const draft = asNested(value, '$null') ?? { $null: false, value: null };
  return (
    <div className="schema-nullable">
      <label className="null-toggle">
        <input
          type="checkbox"
          checked={draft.$null}
          onChange={(e) => onChange({ ...draft, $null: e.target.checked })}
        />{' '}
        {field.name} is null
      </label>
      {!draft.$null && (
        <Child
          id={`${id}__value`}
          field={nonNullField(field)}
          value={draft.value}
          path={path}
          errors={errors}
          onChange={(next) => onChange({ ...draft, value: next })}
        />
      )}
    </div>
  );
}

function withoutPath(errors: Record<string, string> | undefined, path: string) {
  if (!errors || !(path in errors)) return errors;
  const rest = { ...errors };
  delete rest[path];
  return rest;
}

type NestedOf<K extends string> = Extract<NestedDraft, Record<K, unknown>>;

/** The draft as the nested kind it should be; undefined when it is another (say, ''). */
function asNested<K extends '$object' | '$items' | '$choice' | '$null'>(
  value: DraftValue,
  key: K,
): NestedOf<K> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && key in value
    ? (value as NestedOf<K>)
    : undefined;
}
