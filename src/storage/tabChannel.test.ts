import { describe, expect, it } from 'vitest';
import { onOtherTabs, type TabMessage } from './tabChannel';

// Another tab is another BroadcastChannel of the same name: what it posts reaches this one.

describe('the channel between tabs', () => {
  it("hears another tab's changes, and lets go what is not one of ours", async () => {
    const heard: TabMessage[] = [];
    const stop = onOtherTabs((message) => heard.push(message));
    const otherTab = new BroadcastChannel('skill-playground-instances');
    otherTab.postMessage({ kind: 'runs-changed', skillKey: 'k1' });
    otherTab.postMessage({ kind: 'something-new', skillKey: 'k2' });
    otherTab.postMessage({ kind: 'instance-list-saved', skillKey: 42 });
    otherTab.postMessage({ kind: 'instance-saved', skillKey: 'k3', instance: 'formal', extra: 1 });
    otherTab.postMessage(null);
    await expect.poll(() => heard.length).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).toEqual([
      { kind: 'runs-changed', skillKey: 'k1' },
      { kind: 'instance-saved', skillKey: 'k3', instance: 'formal' },
    ]);
    stop();
    otherTab.close();
  });
});
