import { useCallback, useEffect } from 'react';
import type { PickedFile } from '../bundle';
import {
  addPicked,
  followOtherTabs,
  loadExamples,
  loadFromUrl,
  loadStoredSkills,
  notify,
  selectSelectedSkill,
  openSkill,
  openShareLink,
  usePlayground,
} from '../store';
import { isShareFragment } from '../share';
import { DropZone } from '../ui/elements/DropZone';
import { FilePickers } from '../ui/elements/FilePickers';
import { LoadFromUrl } from '../ui/elements/LoadFromUrl';
import { Notices } from '../ui/elements/Notices';
import { CachePanel } from '../ui/panels/CachePanel';
import { SkillList } from '../ui/panels/SkillList';
import { SkillPanel } from '../ui/panels/SkillPanel';
import { SharedLinkBanner } from '../ui/share/SharedLinkBanner';
import { WorkspaceMenu } from '../ui/share/WorkspaceMenu';
import { ErrorBoundary } from './ErrorBoundary';
import { errorMessage } from '../errors';

function keyFromHash(): string | null {
  const match = /^#skill=(.+)$/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]!) : null;
}

export function App() {
  const skill = usePlayground(selectSelectedSkill);
  const examplesLoaded = usePlayground((s) => s.examplesLoaded);

  useEffect(() => {
    void loadExamples();
    const unfollow = followOtherTabs();
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
      window.removeEventListener('hashchange', onHash);
    };
  }, []);

  // Reopen the skill the address names once the list is known.
  useEffect(() => {
    if (!examplesLoaded) return;
    const key = keyFromHash();
    if (key && usePlayground.getState().skills.some((s) => s.key === key)) void openSkill(key);
  }, [examplesLoaded]);

  const onPicked = useCallback((files: PickedFile[] | Promise<PickedFile[]>) => {
    Promise.resolve(files)
      .then(addPicked)
      .catch((error: unknown) => notify(`The drop could not be read: ${errorMessage(error)}`));
  }, []);

  useEffect(() => {
    // Ctrl/Cmd+Enter runs the visible tool, as in other playgrounds.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
      const form = document.querySelector<HTMLFormElement>('form.tool-form');
      if (form) {
        event.preventDefault();
        form.requestSubmit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <DropZone onPicked={onPicked}>
      <div className="app">
        <header className="app-header">
          <h1>Skill Playground</h1>
          <p className="tagline">
            Open, run and debug agent skills and their WebAssembly, all in your browser.
          </p>
          <FilePickers onPicked={onPicked} />
          <LoadFromUrl />
          <WorkspaceMenu />
        </header>
        <Notices />
        <div className="layout">
          <aside className="sidebar">
            <SkillList />
            <CachePanel />
          </aside>
          <main>
            <SharedLinkBanner />
            <ErrorBoundary what="this skill" resetKey={skill?.key}>
              {skill ? (
                <SkillPanel skill={skill} />
              ) : (
                <div className="welcome">
                  <h2>Pick a skill</h2>
                  <p>
                    Choose an example on the left, drop a skill folder (SKILL.md and its{' '}
                    <code>skill.wasm</code>) or a .wasm component anywhere on this page, or use the
                    buttons above. Nothing is uploaded: skills run in a Web Worker in this tab.
                  </p>
                </div>
              )}
            </ErrorBoundary>
          </main>
        </div>
      </div>
    </DropZone>
  );
}
