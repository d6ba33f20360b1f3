import { useMemo, useState } from 'react';
import type { RequestedCapabilities } from '../../bundle';
import {
  requestedBy,
  selectInstance,
  setGrants,
  usePlayground,
  type SkillEntry,
} from '../../store';
import { effectiveGrants, parseHostList } from '../../tools';

/**
 * What the instance's runs may touch: its files (read, write) and the hosts it may reach. The
 * skill's own ask is shown beside; the person's choice is what the worker enforces.
 */
export function PermissionsForm({ skill }: { skill: SkillEntry }) {
  const instance = usePlayground(selectInstance(skill.key));
  const requested = useMemo(() => requestedBy(skill), [skill]);
  const grants = effectiveGrants(requested, instance?.grants);
  const [hostsText, setHostsText] = useState(grants.hosts.join('\n'));
  const { errors } = parseHostList(hostsText);
  const askedHosts = requested.hosts.filter((h) => h !== '*' && !grants.hosts.includes(h));

  const changeHosts = (text: string) => {
    setHostsText(text);
    void setGrants(skill.key, { ...grants, hosts: parseHostList(text).hosts });
  };
  return (
    <form
      aria-label="Permissions"
      className="permissions"
      onSubmit={(event) => event.preventDefault()}
    >
      <h4>Permissions</h4>
      <p className="muted">{askText(requested)}</p>
      <label className="inline">
        <input
          type="checkbox"
          checked={grants.read}
          onChange={(e) => void setGrants(skill.key, { ...grants, read: e.target.checked })}
        />
        Read files
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={grants.write}
          onChange={(e) => void setGrants(skill.key, { ...grants, write: e.target.checked })}
        />
        Write files
      </label>
      <label htmlFor={`hosts-${skill.key}`}>Allowed hosts</label>
      <textarea
        id={`hosts-${skill.key}`}
        rows={2}
        value={hostsText}
        placeholder="none: no request leaves the sandbox"
        aria-invalid={errors.length > 0 ? true : undefined}
        aria-describedby={`hosts-help-${skill.key}`}
        onChange={(e) => changeHosts(e.target.value)}
      />
      <span id={`hosts-help-${skill.key}`} className="hint">
        One a line: api.example.com, *.example.com (its subdomains), .example.com (it and its
        subdomains). A host alone allows its default ports; add one as in localhost:8080.
      </span>
      {errors.map((error) => (
        <span key={error} className="field-error" role="alert">
          {error} Not granted.
        </span>
      ))}
      {askedHosts.length > 0 && (
        <button
          type="button"
          onClick={() => changeHosts([...grants.hosts, ...askedHosts].join('\n'))}
        >
          Grant the requested hosts ({askedHosts.join(', ')})
        </button>
      )}
      {instance?.grants && (
        <button
          type="button"
          onClick={() => {
            void setGrants(skill.key, undefined);
            setHostsText('');
          }}
        >
          Back to the default
        </button>
      )}
    </form>
  );
}

function askText(requested: RequestedCapabilities): string {
  if (requested.declaredBy === 'none') {
    return 'The skill declares no permissions: by default it reads and writes its own files and reaches no network.';
  }
  const asks = [
    requested.read && 'read files',
    requested.write && 'write files',
    requested.hosts.length > 0 &&
      (requested.hosts.includes('*') ? 'the network' : `the hosts ${requested.hosts.join(', ')}`),
  ].filter(Boolean);
  const tools =
    requested.tools.length > 0
      ? ` (allowed-tools: ${requested.tools.map((t) => (t.scope ? `${t.name}(${t.scope})` : t.name)).join(', ')})`
      : '';
  const by = requested.declaredBy === 'capsule' ? 'Capsule.toml' : 'SKILL.md';
  return `${by} asks to ${asks.length > 0 ? asks.join(', ') : 'touch nothing'}${tools}. The network stays off until you name hosts.`;
}
