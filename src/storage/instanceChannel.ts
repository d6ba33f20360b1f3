// Tabs of the playground tell each other when they save an instance, so a tab never keeps showing
// (and then saves over) a configuration another tab has changed since.

type Message = { kind: 'instance-saved'; skillKey: string; instance?: string };

const NAME = 'skill-playground-instances';
let channel: BroadcastChannel | null | undefined;

// One channel object per tab: a BroadcastChannel does not hear its own messages, so a tab is
// never told of its own saves.
function open(): BroadcastChannel | null {
  if (channel === undefined) {
    channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(NAME) : null;
  }
  return channel;
}

export function announceInstanceSaved(skillKey: string, instance?: string): void {
  open()?.postMessage({
    kind: 'instance-saved',
    skillKey,
    ...(instance ? { instance } : {}),
  } satisfies Message);
}

/**
 * Calls `listener` with the skill key (and the instance's name, when the tab said) of each
 * instance another tab saves; returns the unsubscribe.
 */
export function onInstanceSavedElsewhere(
  listener: (skillKey: string, instance?: string) => void,
): () => void {
  const target = open();
  if (!target) return () => {};
  const handle = (event: MessageEvent<unknown>) => {
    const data = event.data as Partial<Message> | null;
    if (data?.kind === 'instance-saved' && typeof data.skillKey === 'string') {
      listener(data.skillKey, typeof data.instance === 'string' ? data.instance : undefined);
    }
  };
  target.addEventListener('message', handle);
  return () => target.removeEventListener('message', handle);
}
