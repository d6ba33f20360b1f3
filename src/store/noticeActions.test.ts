import { beforeEach, describe, expect, it } from 'vitest';
import { pressNoticeAction } from './noticeActions';
import { notify, updateNotice } from './notices';
import { initialState, usePlayground } from './playgroundStore';

const notices = () => usePlayground.getState().notices;

describe('a notice with a button', () => {
  beforeEach(() => usePlayground.setState(initialState(), true));

  it('Cancel aborts the load it belongs to and leaves the notice to the load', () => {
    const load = new AbortController();
    const id = notify('Loading x…', 'info', { kind: 'cancelLoad', label: 'Cancel', load });
    updateNotice(id, 'Loading x: 1 KiB…');
    expect(notices()).toEqual([
      {
        id,
        tone: 'info',
        message: 'Loading x: 1 KiB…',
        action: { kind: 'cancelLoad', label: 'Cancel', load },
      },
    ]);
    pressNoticeAction(id);
    expect(load.signal.aborted).toBe(true);
    expect(notices()).toHaveLength(1);
  });

  it('a notice already gone does nothing when pressed, and is not brought back by an update', () => {
    const load = new AbortController();
    const id = notify('Loading x…', 'info', { kind: 'cancelLoad', label: 'Cancel', load });
    usePlayground.setState({ notices: [] });
    updateNotice(id, 'Loading x: 2 KiB…');
    pressNoticeAction(id);
    expect(load.signal.aborted).toBe(false);
    expect(notices()).toEqual([]);
  });
});
