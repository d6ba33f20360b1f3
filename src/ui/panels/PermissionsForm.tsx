import { useMemo, useState } from 'react';
import type { Capability, DeclaredTool, RequestedCapabilities } from '../../bundle';
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
      {requested.tools.length > 0 && <DeclaredTools tools={requested.tools} />}
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
  const by = requested.declaredBy === 'capsule' ? 'Capsule.toml' : 'SKILL.md';
  return `${by} asks to ${asks.length > 0 ? asks.join(', ') : 'touch nothing'}. The network stays off until you name hosts.`;
}

const CAPABILITY_TEXT: Record<Capability, string> = {
  read: 'read files',
  write: 'write files',
  network: 'the network',
};

/**
 * Each allowed-tools entry as written, its scope (`Bash(git:*)`) and what it maps to. A scope
 * names the commands an agent may run with the tool; no shell runs here, so the grants below are
 * the whole of what a run may touch, and the scope is shown for the reader, not enforced.
 */
function DeclaredTools({ tools }: { tools: DeclaredTool[] }) {
  return (
    <>
      <ul className="declared-tools" aria-label="Tools the skill declares">
        {tools.map((tool, i) => (
          <li key={i}>
            <code>{tool.name}</code>
            {tool.scope !== undefined && (
              <>
                {' '}
                scoped to <code>{tool.scope}</code>
              </>
            )}
            :{' '}
            {tool.grants.length > 0
              ? tool.grants.map((grant) => CAPABILITY_TEXT[grant]).join(', ')
              : 'nothing the playground grants'}
          </li>
        ))}
      </ul>
      {tools.some((tool) => tool.scope !== undefined) && (
        <p className="hint">
          A scope names what an agent may run with the tool. No shell runs here: a run touches only
          the files and hosts granted below.
        </p>
      )}
    </>
  );
}
