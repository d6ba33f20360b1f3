import { useState } from 'react';
import { DEFAULT_GRANTS, type Grants } from '../../runtime';
import { selectInstance, setGrants, usePlayground } from '../../store';

/**
 * What the instance's runs may touch: its files and the hosts it may reach (one a line). A
 * stand-in with the accessible names the policy UI will keep, until that lands.
 */
export function PermissionsForm({ skillKey }: { skillKey: string }) {
  const instance = usePlayground(selectInstance(skillKey));
  const grants = instance?.grants ?? DEFAULT_GRANTS;
  const [hostsText, setHostsText] = useState(grants.hosts.join('\n'));
  const change = (next: Grants) => void setGrants(skillKey, next);
  return (
    <form aria-label="Permissions" className="permissions" onSubmit={(e) => e.preventDefault()}>
      <label className="inline">
        <input
          type="checkbox"
          checked={grants.read}
          onChange={(e) => change({ ...grants, read: e.target.checked })}
        />
        Read files
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={grants.write}
          onChange={(e) => change({ ...grants, write: e.target.checked })}
        />
        Write files
      </label>
      <label htmlFor={`hosts-${skillKey}`}>Allowed hosts</label>
      <textarea
        id={`hosts-${skillKey}`}
        rows={2}
        value={hostsText}
        placeholder="none: no request leaves the sandbox"
        onChange={(e) => {
          setHostsText(e.target.value);
          const hosts = e.target.value
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean);
          change({ ...grants, hosts });
        }}
      />
    </form>
  );
}
