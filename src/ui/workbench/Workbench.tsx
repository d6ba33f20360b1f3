import { useEffect, type CSSProperties } from 'react';
import { ErrorBoundary } from '../../app/ErrorBoundary';
import {
  selectSelectedSkill,
  setPaneCollapsed,
  setSkillsWidth,
  showPhoneTab,
  SKILLS_WIDTH,
  usePlayground,
  type PhoneTab,
} from '../../store';
import { rovingKeyDown } from '../elements/roving';
import { SkillList } from '../panels/SkillList';
import { CollapsedStrip, PaneBar } from './PaneChrome';
import { SkillWorkbench } from './SkillWorkbench';
import { Splitter } from './Splitter';
import { NARROW_QUERY, useMediaQuery } from './theme';

const PHONE_TABS: Array<{ tab: PhoneTab; label: string; pane: string }> = [
  { tab: 'skill', label: 'Skill', pane: 'skills-pane' },
  { tab: 'files', label: 'Files', pane: 'files-pane' },
  { tab: 'run', label: 'Run', pane: 'run-pane' },
];

/**
 * The workbench: skills | the skill's files and editor | the tool's form with its result. The
 * panes resize with splitters and collapse, and remember both; below a narrow width they are
 * tabs (Skill, Files, Run), and opening a skill shows it.
 */
export function Workbench() {
  const narrow = useMediaQuery(NARROW_QUERY);
  const skill = usePlayground(selectSelectedSkill);
  const selectedKey = usePlayground((s) => s.selectedKey);
  const prefs = usePlayground((s) => s.prefs);
  const phoneTab = usePlayground((s) => s.phoneTab);
  const skillsCollapsed = prefs.collapsed.skills && !narrow;

  // On a phone, a skill just opened is shown at once: its Run tab, from the top.
  useEffect(() => {
    if (!selectedKey || !window.matchMedia(NARROW_QUERY).matches) return;
    showPhoneTab('run');
    const main = document.getElementById('workbench');
    main?.scrollIntoView({ block: 'start' });
    main?.focus({ preventScroll: true });
  }, [selectedKey]);

  const style = { '--skills-width': `${prefs.skillsWidth}px` } as CSSProperties;
  return (
    // One main landmark holds all of it, the Skills navigation included, so the skip link and
    // landmark navigation land on the workbench.
    <main
      id="workbench"
      tabIndex={-1}
      aria-label="Workbench"
      className="workbench"
      data-narrow={narrow || undefined}
      data-phone-tab={narrow ? phoneTab : undefined}
      style={style}
    >
      {narrow && <PhoneTabs current={phoneTab} />}
      <div
        id="skills-pane"
        className="pane skills-pane"
        data-collapsed={skillsCollapsed || undefined}
        {...(narrow ? { role: 'tabpanel', 'aria-labelledby': 'phone-tab-skill' } : {})}
      >
        {skillsCollapsed && <CollapsedStrip pane="skills" label="Skills" />}
        <div className="pane-body" hidden={skillsCollapsed}>
          {!narrow && <PaneBar pane="skills" label="Skills" />}
          <SkillList />
        </div>
      </div>
      {!narrow && !skillsCollapsed && (
        <Splitter
          label="Resize the Skills pane"
          controls="skills-pane"
          value={prefs.skillsWidth}
          min={SKILLS_WIDTH.min}
          max={SKILLS_WIDTH.max}
          valueText={`${prefs.skillsWidth} pixels`}
          step={16}
          fromDrag={(start, dx) => start + dx}
          onChange={setSkillsWidth}
          onToggle={() => setPaneCollapsed('skills', true)}
        />
      )}
      <div className="skill-main">
        <ErrorBoundary what="this skill" resetKey={skill?.key}>
          {skill ? <SkillWorkbench skill={skill} narrow={narrow} /> : <Welcome />}
        </ErrorBoundary>
      </div>
    </main>
  );
}

/** On a phone: the panes as tabs, one tab stop, arrow keys between them. */
function PhoneTabs({ current }: { current: PhoneTab }) {
  const index = PHONE_TABS.findIndex((t) => t.tab === current);
  return (
    <div role="tablist" aria-label="Panes" className="phone-tabs">
      {PHONE_TABS.map(({ tab, label, pane }) => (
        <button
          key={tab}
          id={`phone-tab-${tab}`}
          type="button"
          role="tab"
          aria-selected={tab === current}
          aria-controls={pane}
          tabIndex={tab === current ? 0 : -1}
          onClick={() => showPhoneTab(tab)}
          onKeyDown={(e) =>
            rovingKeyDown(e, PHONE_TABS.length, index, (n) => showPhoneTab(PHONE_TABS[n]!.tab))
          }
        >
          {label}
        </button>
      ))}
    </div>
  );
}

function Welcome() {
  return (
    <div className="welcome">
      <h2>Pick a skill</h2>
      <p>
        Choose an example from the Skills list, drop a skill folder (SKILL.md and its{' '}
        <code>skill.wasm</code>) or a .wasm component anywhere on this page, or use the buttons
        above. Nothing is uploaded: skills run in a Web Worker in this tab.
      </p>
    </div>
  );
}
