import { useCallback, useEffect } from 'react';
import type { PickedFile } from '../bundle';
import {
  addPicked,
  followOtherTabs,
  loadExamples,
  loadFromUrl,
  loadHistorySettings,
  loadStoredSkills,
  notify,
  openShareLink,
  rememberInputs,
  usePlayground,
} from '../store';
import { isShareFragment } from '../share';
import { DropZone } from '../ui/elements/DropZone';
import { FilePickers } from '../ui/elements/FilePickers';
import { LoadFromUrl } from '../ui/elements/LoadFromUrl';
import { Notices } from '../ui/elements/Notices';
import { SharedLinkBanner } from '../ui/share/SharedLinkBanner';
import { WorkspaceMenu } from '../ui/share/WorkspaceMenu';
import { Announcer } from '../ui/workbench/Announcer';
import { SettingsDialog } from '../ui/workbench/SettingsDialog';
import { useShortcuts } from '../ui/workbench/shortcuts';
import { useViewFragment } from '../ui/workbench/useViewFragment';
import { useApplyTheme } from '../ui/workbench/theme';
import { ThemeToggle } from '../ui/workbench/ThemeToggle';
import { UndoRemoval } from '../ui/workbench/UndoRemoval';
import { Workbench } from '../ui/workbench/Workbench';
import { preloadMarkdownView } from '../ui/markdownLoader';
import { errorMessage } from '../errors';

export function App() {
  const examplesLoaded = usePlayground((s) => s.examplesLoaded);
  useApplyTheme();
  useShortcuts();

  useEffect(() => {
    void loadExamples();
    const unfollow = followOtherTabs();
    const forget = rememberInputs();
    void loadHistorySettings();
    // ?skill=<url> opens a skill from a link; nothing of it runs before a click. It is loaded
    // once the kept skills are listed, so a copy kept from before is recognised and compared.
    const linked = new URLSearchParams(window.location.search).get('skill');
    // A share link (#v=1&s=...) is opened the same way: listed, shown, never run before a click.
    const shared = isShareFragment(window.location.hash) ? window.location.hash : null;
    void loadStoredSkills().then(async () => {
      if (linked) await loadFromUrl(linked);
      else if (shared) await openShareLink(shared);
    });
    // A share link pasted into the address bar of an open page.
    const onHash = () => {
      if (isShareFragment(window.location.hash)) void openShareLink(window.location.hash);
    };
    window.addEventListener('hashchange', onHash);
    return () => {
      unfollow();
      forget();
      window.removeEventListener('hashchange', onHash);
    };
  }, []);

  // Reopen the skill, tool and tab the address names once the list is known, and follow them.
  useViewFragment(examplesLoaded);

  const onPicked = useCallback((files: PickedFile[] | Promise<PickedFile[]>) => {
    // What was dropped or picked is about to show its SKILL.md: its parser starts meanwhile.
    preloadMarkdownView();
    Promise.resolve(files)
      .then(addPicked)
      .catch((error: unknown) => notify(`The drop could not be read: ${errorMessage(error)}`));
  }, []);

  return (
    <DropZone onPicked={onPicked}>
      <div className="app">
        <a className="skip-link" href="#workbench">
          Skip to the workbench
        </a>
        <header className="app-header">
          <h1>Skill Playground</h1>
          <p className="tagline">
            Open, run and debug agent skills and their WebAssembly, all in your browser.
          </p>
          <FilePickers onPicked={onPicked} />
          <LoadFromUrl />
          <span className="header-end">
            <WorkspaceMenu />
            <ThemeToggle />
            <SettingsDialog />
          </span>
        </header>
        <Notices />
        <SharedLinkBanner />
        <Workbench />
        <UndoRemoval />
        <Announcer />
      </div>
    </DropZone>
  );
}
