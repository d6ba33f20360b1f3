// Tabs of the playground tell each other what they changed in IndexedDB that another tab may be
// showing: an instance's configuration (so no tab keeps showing, then saves over, what another
// changed since), a skill's list of instances, and its kept runs.

export type TabMessage =
  | { kind: 'instance-saved'; skillKey: string; instance?: string }
  | { kind: 'instance-list-saved'; skillKey: string }
  | { kind: 'runs-changed'; skillKey: string };

const NAME = 'skill-playground-instances';
const KINDS = new Set<TabMessage['kind']>([
  'instance-saved',
  'instance-list-saved',
  'runs-changed',
]);
let channel: BroadcastChannel | null | undefined;

// One channel object per tab: a BroadcastChannel does not hear its own messages, so a tab is
// never told of its own changes.
function open(): BroadcastChannel | null {
  if (channel === undefined) {
    channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(NAME) : null;
  }
  return channel;
}

export function tellOtherTabs(message: TabMessage): void {
  open()?.postMessage(message);
}

/** What another tab sent, when it is one of ours; another version's messages are let go. */
function readMessage(data: unknown): TabMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const { kind, skillKey, instance } = data as Record<string, unknown>;
  if (!KINDS.has(kind as TabMessage['kind']) || typeof skillKey !== 'string') return null;
  if (kind === 'instance-saved') {
    return { kind, skillKey, ...(typeof instance === 'string' ? { instance } : {}) };
  }
  return { kind, skillKey } as TabMessage;
}

/** Calls `listener` with each change another tab tells of; returns the unsubscribe. */
export function onOtherTabs(listener: (message: TabMessage) => void): () => void {
  const target = open();
  if (!target) return () => {};
  const handle = (event: MessageEvent<unknown>) => {
    const message = readMessage(event.data);
    if (message) listener(message);
  };
  target.addEventListener('message', handle);
  return () => target.removeEventListener('message', handle);
}
