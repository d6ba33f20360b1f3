import { useState, type FormEvent } from 'react';
import {
  chooseInstance,
  createInstance,
  deleteInstance,
  duplicateInstance,
  renameInstance,
  selectInstanceList,
  selectRunningTool,
  usePlayground,
  type InstanceActionResult,
} from '../../store';

type Naming = { kind: 'new' | 'duplicate' | 'rename'; name: string } | { kind: 'delete' };

const VERB = { new: 'Create', duplicate: 'Duplicate', rename: 'Rename' } as const;

/**
 * The skill's named instances: which one the runs use (its configuration, secrets, limits,
 * grants and /workspace), and making, copying, renaming and deleting them. Names are typed in
 * the bar itself, so nothing opens over the page.
 */
export function InstancePicker({ skillKey }: { skillKey: string }) {
  const list = usePlayground(selectInstanceList(skillKey));
  const running = usePlayground(selectRunningTool(skillKey)) !== undefined;
  const [naming, setNaming] = useState<Naming | null>(null);
  const [message, setMessage] = useState('');
  if (!list) return null;
  const active = list.active;
  const isDefault = active === list.names[0];

  const settle = async (action: Promise<InstanceActionResult>) => {
    const result = await action;
    setMessage(result.ok ? '' : result.message);
    if (result.ok) setNaming(null);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!naming || naming.kind === 'delete') return;
    const name = naming.name;
    void settle(
      naming.kind === 'new'
        ? createInstance(skillKey, name)
        : naming.kind === 'duplicate'
          ? duplicateInstance(skillKey, active, name)
          : renameInstance(skillKey, active, name),
    );
  };
  const start = (next: Naming) => {
    setMessage('');
    setNaming(next);
  };

  return (
    <div className="instance-picker" role="group" aria-label="Instances">
      <label className="inline">
        Instance
        <select
          value={active}
          disabled={running}
          onChange={(e) => void settle(chooseInstance(skillKey, e.target.value))}
        >
          {list.names.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={running} onClick={() => start({ kind: 'new', name: '' })}>
        New
      </button>
      <button
        type="button"
        disabled={running}
        onClick={() => start({ kind: 'duplicate', name: `${active} copy` })}
      >
        Duplicate
      </button>
      <button
        type="button"
        disabled={running || isDefault}
        onClick={() => start({ kind: 'rename', name: active })}
      >
        Rename
      </button>
      <button
        type="button"
        disabled={running || isDefault}
        onClick={() => start({ kind: 'delete' })}
      >
        Delete
      </button>
      {naming && naming.kind !== 'delete' && (
        <form
          className="instance-naming"
          aria-label={`${VERB[naming.kind]} instance`}
          onSubmit={submit}
        >
          <label className="inline">
            Instance name
            <input
              type="text"
              autoFocus
              value={naming.name}
              onChange={(e) => setNaming({ ...naming, name: e.target.value })}
            />
          </label>
          <button type="submit">{VERB[naming.kind]}</button>
          <button type="button" onClick={() => setNaming(null)}>
            Cancel
          </button>
        </form>
      )}
      {naming?.kind === 'delete' && (
        <div className="instance-naming" role="group" aria-label="Delete instance">
          <span>Delete {active}, its configuration and its /workspace files?</span>
          <button type="button" onClick={() => void settle(deleteInstance(skillKey, active))}>
            Delete {active}
          </button>
          <button type="button" onClick={() => setNaming(null)}>
            Keep it
          </button>
        </div>
      )}
      {message && (
        <p role="alert" className="field-error">
          {message}
        </p>
      )}
    </div>
  );
}
