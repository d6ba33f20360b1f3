import { useState, type FormEvent } from 'react';
import { looksSecret, type ConfigDeclaration } from '../../bundle';
import type { ConfigEntry } from '../../runtime';
import {
  declaredConfigFor,
  editConfig,
  flushConfig,
  selectConfigCheck,
  selectInstance,
  selectSkill,
  usePlayground,
  type ConfigCheck,
} from '../../store';
import { ConfigRow, type ConfigRowModel } from './ConfigRow';

/**
 * The rows the form shows: each key the skill declares (with what it holds, if anything), then
 * the keys the person added. A declared key left as it was is no entry of the configuration.
 */
export function configRows(
  config: readonly ConfigEntry[],
  declared: readonly ConfigDeclaration[],
): ConfigRowModel[] {
  const declaredRows = declared.map((declaration) => {
    const entry = config.find((e) => e.key === declaration.key);
    return {
      key: declaration.key,
      value: entry?.value ?? '',
      secret: entry?.secret ?? declaration.secret,
      declaration,
    };
  });
  const added = config.filter((e) => !declared.some((d) => d.key === e.key));
  return [...declaredRows, ...added.map((e) => ({ ...e }))];
}

function toConfig(rows: readonly ConfigRowModel[]): ConfigEntry[] {
  return rows
    .filter((r) => !r.declaration || r.value !== '' || r.secret !== r.declaration.secret)
    .map(({ key, value, secret }) => ({ key, value, secret }));
}

/**
 * The chosen instance's configuration: the keys the skill declares, each with its description,
 * default and whether it is required or secret, and keys the person adds. What it shows is what
 * the next run gets: each change is the instance's at once, saved (and checked by the skill's
 * validate-config) after a pause in typing, and Run saves a change still waiting. Secret values
 * are masked and stay in this browser's IndexedDB.
 */
export function ConfigurationForm({ skillKey }: { skillKey: string }) {
  const instance = usePlayground(selectInstance(skillKey));
  const skill = usePlayground(selectSkill(skillKey));
  const check = usePlayground(selectConfigCheck(skillKey));
  const [revealed, setRevealed] = useState<ReadonlySet<number>>(new Set());
  const declared = declaredConfigFor(skill);
  const isCapsule = skill?.analysis?.capsule !== undefined;
  const rows = configRows(instance?.config ?? [], declared.keys);

  const change = (next: ConfigRowModel[]) => editConfig(skillKey, toConfig(next));
  const update = (index: number, patch: Partial<ConfigEntry>) =>
    change(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const setKey = (index: number, key: string) => {
    const row = rows[index]!;
    // The secret box follows the name until the person sets it otherwise.
    const automatic = row.secret === looksSecret(row.key);
    update(index, { key, ...(automatic ? { secret: looksSecret(key) } : {}) });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void flushConfig(skillKey);
  };

  return (
    <form aria-label="Configuration" className="configuration" onSubmit={submit}>
      <h3>Configuration</h3>
      <p className="muted">
        {isCapsule
          ? 'The capsule reads these with astrid_get_config; an empty value gives its default.'
          : 'Values reach the skill as environment variables, each as its key and as SKILL_<KEY>, and through get-config; an empty declared value gives its default.'}{' '}
        Saved as you type, in this browser only; Run uses what is shown.
      </p>
      {declared.problems.map((problem) => (
        <p key={problem} className="muted">
          {problem}
        </p>
      ))}
      {!instance && <p className="muted">Reading the instance…</p>}
      {instance && rows.length === 0 && <p className="muted">No configuration values.</p>}
      {instance &&
        rows.map((row, index) => (
          <ConfigRow
            key={row.declaration ? `declared:${row.key}` : `added:${index}`}
            index={index}
            row={row}
            revealed={revealed.has(index)}
            error={check.state === 'invalid' && check.key === row.key ? check.message : undefined}
            onKey={(key) => setKey(index, key)}
            onChange={(patch) => update(index, patch)}
            onReveal={(shown) =>
              setRevealed((current) => {
                const next = new Set(current);
                if (shown) next.add(index);
                else next.delete(index);
                return next;
              })
            }
            onRemove={() => change(rows.filter((_, i) => i !== index))}
          />
        ))}
      <div className="actions">
        <button
          type="button"
          disabled={!instance}
          onClick={() => change([...rows, { key: '', value: '', secret: false }])}
        >
          Add value
        </button>
        <button type="submit" disabled={!instance}>
          Save configuration
        </button>
        <span role="status" className={`config-check ${check.state}`}>
          {statusText(check)}
        </span>
      </div>
    </form>
  );
}

function statusText(check: ConfigCheck): string {
  switch (check.state) {
    case 'idle':
      return '';
    case 'checking':
      return 'Saving…';
    case 'invalid':
      // The message itself shows at the field it names.
      return check.key ? 'Saved, but the skill rejects a value: see its field.' : check.message;
    default:
      return check.message;
  }
}
