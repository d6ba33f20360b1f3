import type { ConfigDeclaration } from '../../bundle';
import type { ConfigEntry } from '../../runtime';

/** One row of the Configuration form: an entry, and the declaration of its key if any. */
export interface ConfigRowModel extends ConfigEntry {
  declaration?: ConfigDeclaration;
}

/**
 * A key and its value. A declared key is shown as written, with its description, default and
 * whether it is required or secret; an added one is typed. A secret is masked until revealed;
 * the skill's verdict on the value (validate-config) shows under it, linked to the field.
 */
export function ConfigRow({
  index,
  row,
  revealed,
  error,
  onKey,
  onChange,
  onReveal,
  onRemove,
}: {
  index: number;
  row: ConfigRowModel;
  revealed: boolean;
  error: string | undefined;
  onKey: (key: string) => void;
  onChange: (patch: Partial<ConfigEntry>) => void;
  onReveal: (shown: boolean) => void;
  onRemove: () => void;
}) {
  const declaration = row.declaration;
  const about = declaration?.prompt ?? declaration?.description;
  const aboutId = `config-about-${index}`;
  const errorId = `config-error-${index}`;
  const describedBy = [about ? aboutId : '', error ? errorId : ''].filter(Boolean).join(' ');
  const label = row.key ? `Value of ${row.key}` : `Value ${index + 1}`;
  return (
    <div className="config-row" data-config-key={row.key}>
      {declaration ? (
        <span className="config-key">
          <code>{row.key}</code>
          {declaration.required && <span className="badge">required</span>}
          {declaration.type && declaration.type !== 'secret' && (
            <span className="badge">{declaration.type}</span>
          )}
        </span>
      ) : (
        <input
          type="text"
          aria-label={`Key ${index + 1}`}
          placeholder="key"
          value={row.key}
          onChange={(e) => onKey(e.target.value)}
        />
      )}
      <input
        type={row.secret && !revealed ? 'password' : 'text'}
        aria-label={label}
        {...(describedBy ? { 'aria-describedby': describedBy } : {})}
        {...(error ? { 'aria-invalid': true } : {})}
        {...(declaration?.required ? { 'aria-required': true } : {})}
        placeholder={
          declaration?.default !== undefined ? `default: ${declaration.default}` : 'value'
        }
        autoComplete="off"
        spellCheck={false}
        value={row.value}
        onChange={(e) => onChange({ value: e.target.value })}
      />
      {row.secret ? (
        <button
          type="button"
          aria-label={`Show ${row.key || `value ${index + 1}`}`}
          aria-pressed={revealed}
          onClick={() => onReveal(!revealed)}
        >
          {revealed ? 'Hide' : 'Show'}
        </button>
      ) : (
        <span />
      )}
      <label className="inline">
        <input
          type="checkbox"
          checked={row.secret}
          onChange={(e) => onChange({ secret: e.target.checked })}
        />
        secret
      </label>
      {declaration ? (
        <span />
      ) : (
        <button
          type="button"
          aria-label={`Remove ${row.key || `value ${index + 1}`}`}
          onClick={onRemove}
        >
          Remove
        </button>
      )}
      {about && (
        <p className="muted config-prompt" id={aboutId}>
          {about}
          {declaration?.source && <span className="config-source"> ({declaration.source})</span>}
        </p>
      )}
      {error && (
        <p className="field-error config-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
