import { useState, type FormEvent } from 'react';
import type { ConfigEntry } from '../../runtime';
import { saveConfig, selectConfigCheck, selectInstance, usePlayground } from '../../store';
import type { DeclaredConfig } from '../../tools';

/**
 * The instance's configuration: keys and values the skill reads from its environment (as given
 * and as SKILL_<KEY>), or, for an astrid capsule, with astrid_get_config; the keys a capsule
 * declares are there to fill. Secret values are masked and stay in this browser's IndexedDB.
 */
export function ConfigurationForm({
  skillKey,
  declared = [],
}: {
  skillKey: string;
  declared?: DeclaredConfig[];
}) {
  const instance = usePlayground(selectInstance(skillKey));
  const saved = instance?.config ?? [];
  // Editing starts again from what is stored whenever the stored configuration changes.
  return (
    <ConfigurationEditor
      key={JSON.stringify(saved)}
      skillKey={skillKey}
      saved={saved}
      declared={declared}
    />
  );
}

function ConfigurationEditor({
  skillKey,
  saved,
  declared,
}: {
  skillKey: string;
  saved: ConfigEntry[];
  declared: DeclaredConfig[];
}) {
  const check = usePlayground(selectConfigCheck(skillKey));
  const [rows, setRows] = useState<ConfigEntry[]>(() => [
    ...saved,
    ...declared
      .filter((d) => !saved.some((entry) => entry.key === d.key))
      .map((d) => ({ key: d.key, value: '', secret: d.secret })),
  ]);
  const declaredOf = (key: string) => declared.find((d) => d.key === key);

  const update = (index: number, patch: Partial<ConfigEntry>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void saveConfig(skillKey, rows);
  };

  return (
    <form aria-label="Configuration" className="configuration" onSubmit={submit}>
      <h3>Configuration</h3>
      <p className="muted">
        {declared.length > 0
          ? 'The capsule asks for these in Capsule.toml and reads them with astrid_get_config; an empty value gives its default.'
          : 'Values reach the skill as environment variables, each as its key and as SKILL_<KEY>.'}{' '}
        They are kept in this browser only.
      </p>
      {rows.length === 0 && <p className="muted">No configuration values.</p>}
      {rows.map((row, index) => (
        <div className="config-row" key={index}>
          {declaredOf(row.key)?.prompt && (
            <p className="muted config-prompt" id={`config-prompt-${index}`}>
              {declaredOf(row.key)!.prompt}
            </p>
          )}
          <input
            type="text"
            aria-label={`Key ${index + 1}`}
            placeholder="key"
            value={row.key}
            onChange={(e) => update(index, { key: e.target.value })}
          />
          <input
            type={row.secret ? 'password' : 'text'}
            aria-label={row.key ? `Value of ${row.key}` : `Value ${index + 1}`}
            {...(declaredOf(row.key)?.prompt
              ? { 'aria-describedby': `config-prompt-${index}` }
              : {})}
            placeholder={declaredOf(row.key)?.placeholder ?? 'value'}
            autoComplete="off"
            value={row.value}
            onChange={(e) => update(index, { value: e.target.value })}
          />
          <label className="inline">
            <input
              type="checkbox"
              checked={row.secret}
              onChange={(e) => update(index, { secret: e.target.checked })}
            />
            secret
          </label>
          <button
            type="button"
            aria-label={`Remove ${row.key || `value ${index + 1}`}`}
            onClick={() => setRows((current) => current.filter((_, i) => i !== index))}
          >
            Remove
          </button>
        </div>
      ))}
      <div className="actions">
        <button
          type="button"
          onClick={() => setRows((current) => [...current, { key: '', value: '', secret: false }])}
        >
          Add value
        </button>
        <button type="submit">Save configuration</button>
        <span role="status" className={`config-check ${check.state}`}>
          {check.state === 'checking' ? 'Checking…' : check.state === 'idle' ? '' : check.message}
        </span>
      </div>
    </form>
  );
}
