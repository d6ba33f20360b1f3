import { useRef, useState } from 'react';
import { setTheme, usePlayground } from '../../store';
import type { ThemeChoice } from '../../storage';
import { CachePanel } from '../panels/CachePanel';
import { KeptDataPanel } from '../panels/KeptDataPanel';

/**
 * Settings of this browser's playground: the theme, and what it keeps (the transpile cache, the
 * storage it uses), which matter now and then, not while working on a skill.
 */
export function SettingsDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const theme = usePlayground((s) => s.prefs.theme);
  // What is kept is read again each time the dialog opens, not once with the page.
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => {
          dialog.current?.showModal();
          setOpen(true);
        }}
      >
        Settings
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="settings-title"
        className="settings-dialog"
        onClose={() => setOpen(false)}
      >
        <h2 id="settings-title">Settings</h2>
        <label className="setting">
          Theme{' '}
          <select value={theme} onChange={(e) => setTheme(e.target.value as ThemeChoice)}>
            <option value="system">Follow the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
        <CachePanel />
        {open && <KeptDataPanel />}
        <div className="actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}
