import { useState } from 'react';
import { readFileDraft, type DraftValue, type Field, type FileDraft } from '../../forms';
import { errorMessage } from '../../errors';
import { NestedControl, type ChildProps } from './SchemaControls';

interface Props extends Partial<Pick<ChildProps, 'path' | 'errors' | 'label'>> {
  id: string;
  field: Field;
  value: DraftValue;
  /** The field's error; else the one `errors` holds at `path`. */
  error?: string;
  onChange: (value: DraftValue) => void;
}

/** The control for one parameter, chosen by its kind, with its label, description and error. */
export function FieldControl(props: Props) {
  const { id, field, value, onChange, errors } = props;
  const path = props.path ?? field.name;
  const label = props.label ?? field.name;
  const error = props.error ?? errors?.[path];
  const describedBy = [field.description && `${id}-desc`, error && `${id}-error`]
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
    'aria-required': field.required || undefined,
  };
  const nested = { id, field, value, path, errors, onChange, Child: FieldControl };
  const description = field.description && (
    <p id={`${id}-desc`} className="field-description">
      {field.description}
    </p>
  );
  const errorLine = error && (
    <p id={`${id}-error`} className="field-error" role="alert">
      {error}
    </p>
  );
  if (field.kind === 'nullable') return <NestedControl {...nested} label={props.label} />;
  if (field.kind === 'object' || field.kind === 'array') {
    // A group named by its legend; what is wrong with it as a whole is said under it.
    return (
      <fieldset
        className={`field wit-group field-${field.kind}`}
        // Named by the field alone, not by its type chip beside it.
        aria-labelledby={`${id}-legend`}
        aria-describedby={describedBy || undefined}
      >
        <legend>
          <span id={`${id}-legend`}>{label}</span>
          {field.required && <Required />}
          <span className="param-type">{field.typeText}</span>
        </legend>
        {description}
        <NestedControl {...nested} />
        {errorLine}
      </fieldset>
    );
  }
  return (
    <div className={`field field-${field.kind}`}>
      {/* The label is the parameter name alone; the required mark sits beside it. */}
      <label htmlFor={id}>{label}</label>
      {field.required && (
        <span className="required" aria-hidden="true" title="required">
          {' '}
          *
        </span>
      )}
      <span className="param-type">{field.typeText}</span>
      {description}
      {field.kind === 'choice' ? (
        <NestedControl {...nested} describedBy={describedBy || undefined} invalid={!!error} />
      ) : (
        <Control field={field} value={value} onChange={onChange} common={common} />
      )}
      {errorLine}
    </div>
  );
}

function Required() {
  return (
    <span className="required" aria-hidden="true" title="required">
      {' '}
      *
    </span>
  );
}

type Common = Record<string, unknown> & { id: string };

/**
 * The browser's own input for a string format whose value it writes as JSON Schema reads it.
 * Not date-time or time: their inputs give no seconds or offset, which those formats require.
 */
const INPUT_TYPES: Record<string, string> = {
  date: 'date',
  email: 'email',
  uri: 'url',
  url: 'url',
  iri: 'url',
};

function Control({
  field,
  value,
  onChange,
  common,
}: {
  field: Field;
  value: DraftValue;
  onChange: (v: DraftValue) => void;
  common: Common;
}) {
  switch (field.kind) {
    case 'checkbox':
      return (
        <input
          type="checkbox"
          {...common}
          checked={value === true}
          onChange={(e) => onChange(e.target.checked)}
        />
      );
    case 'number':
      return (
        <input
          type="text"
          inputMode="decimal"
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'select':
      return (
        <select
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        >
          {!field.required && <option value="">(none)</option>}
          {field.options?.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
    case 'json':
      return (
        <JsonEditor
          common={common}
          value={typeof value === 'string' ? value : ''}
          onChange={onChange}
        />
      );
    case 'list':
      return (
        <ListEditor
          common={common}
          name={field.name}
          items={Array.isArray(value) ? value.map(String) : []}
          onChange={onChange}
        />
      );
    case 'file':
      return <FilePicker common={common} value={value as FileDraft | null} onChange={onChange} />;
    case 'secret':
      return (
        <input
          type="password"
          autoComplete="off"
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    default: {
      const text = typeof value === 'string' ? value : '';
      // One line, where Enter runs the tool (the form submits), unless the schema or the name
      // says the text is long: then a textarea that grows with it, where Ctrl+Enter runs.
      if (!field.multiline) {
        return (
          <input
            type={INPUT_TYPES[field.schema.format ?? ''] ?? 'text'}
            {...common}
            value={text}
            onChange={(e) => onChange(e.target.value)}
          />
        );
      }
      return (
        <textarea
          {...common}
          className="text-field"
          rows={Math.min(8, text.split('\n').length)}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    }
  }
}

/** A textarea that says, as you type, whether what it holds is JSON. */
function JsonEditor({
  common,
  value,
  onChange,
}: {
  common: Common;
  value: string;
  onChange: (v: string) => void;
}) {
  let parseError: string | null = null;
  if (value.trim() !== '') {
    try {
      JSON.parse(value);
    } catch (e) {
      parseError = errorMessage(e);
    }
  }
  return (
    <>
      <textarea
        {...common}
        className="json-editor"
        spellCheck={false}
        rows={Math.min(12, Math.max(3, value.split('\n').length))}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <p className={parseError ? 'json-status invalid' : 'json-status'} aria-live="polite">
        {value.trim() === '' ? 'Empty' : parseError ? `Invalid JSON: ${parseError}` : 'Valid JSON'}
      </p>
    </>
  );
}

/** Items one per row, with Add and Remove. */
function ListEditor({
  common,
  name,
  items,
  onChange,
}: {
  common: Common;
  name: string;
  items: string[];
  onChange: (v: string[]) => void;
}) {
  const rows = items.length === 0 ? [''] : items;
  const update = (index: number, text: string) =>
    onChange(rows.map((item, i) => (i === index ? text : item)));
  return (
    <div className="list-editor">
      <ol>
        {rows.map((item, index) => (
          <li key={index}>
            <input
              type="text"
              {...(index === 0 ? common : {})}
              aria-label={index === 0 ? undefined : `${name} item ${index + 1}`}
              value={item}
              onChange={(e) => update(index, e.target.value)}
            />
            <button
              type="button"
              aria-label={`Remove ${name} item ${index + 1}`}
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => onChange([...rows, ''])}>
        Add item
      </button>
    </div>
  );
}

function FilePicker({
  common,
  value,
  onChange,
}: {
  common: Common;
  value: FileDraft | null;
  onChange: (v: FileDraft | null) => void;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <input
        type="file"
        {...common}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (!file) return onChange(null);
          try {
            setProblem(null);
            onChange(await readFileDraft(file));
          } catch (error) {
            setProblem(errorMessage(error));
            e.target.value = '';
            onChange(null);
          }
        }}
      />
      {value && (
        <p className="file-chosen">
          {value.name} ({value.size} bytes)
        </p>
      )}
      {problem && <p className="field-error">{problem}</p>}
    </>
  );
}
