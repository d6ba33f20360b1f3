import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildAuditRecord } from '../runtime';
import { RememberedInputs, RunHistory } from '../storage';
import type { Tool, ToolOutcome } from '../tools';
import { fillFormFromRun, historyOf, keepRun } from './history';
import { exportHistory, importHistory } from './historyFiles';
import { initialState, usePlayground } from './playgroundStore';
import { setServices } from './services';

const KEY = 'local:vault/';
const tool: Tool = {
  name: 'login',
  description: '',
  schema: {
    type: 'object',
    properties: { user: { type: 'string' }, token: { type: 'string', writeOnly: true } },
    required: [],
  },
  call: { kind: 'skill-engine' },
  origin: 'get-tools',
};
const grants = { read: false, write: false, hosts: [] };
let db = 0;

beforeEach(() => {
  usePlayground.setState(initialState(), true);
  db += 1;
  setServices({
    history: RunHistory.named(`store-history-${db}`),
    inputs: RememberedInputs.named(`store-inputs-${db}`),
    readInstance: async () => ({
      value: {
        version: 1,
        name: 'default',
        config: [
          { key: 'API_KEY', value: 'sk-live-4242', secret: true },
          { key: 'region', value: 'eu', secret: false },
        ],
      },
    }),
  });
});

async function keep(user: string, token: string) {
  const input = { value: { user, token } };
  // The skill prints what it was given, its secrets included.
  const outcome: ToolOutcome = {
    status: 'ok',
    output: `${user} logged in with ${token}; key sk-live-4242`,
    stdout: `API_KEY=sk-live-4242 token=${token}\n`,
    stderr: '',
    grants,
  };
  const audit = await buildAuditRecord({
    skillId: KEY,
    skillName: 'vault',
    tool: tool.name,
    componentSha256: 'abc',
    input: input.value,
    output: outcome.output,
    startedAt: 1_000,
    durationMs: 5,
    exitStatus: { kind: 'success' },
    configKeys: ['API_KEY', 'region'],
    stdout: outcome.stdout,
    stderr: '',
    loadedFrom: 'n/a',
    grants,
  });
  await keepRun(KEY, {
    tool,
    drafts: { user, token },
    input,
    outcome,
    startedAt: Date.now(),
    endedAt: Date.now() + 5,
    audit,
  });
}

describe('runs kept in the history', () => {
  it('hold no secret argument and no secret configuration value, nor does their export', async () => {
    await keep('ada', 'tok-secret-1');
    const [summary] = historyOf(KEY).runs;
    const { value: run } = await RunHistory.named(`store-history-${db}`).get(KEY, summary!.id);
    expect(run?.arguments).toEqual({ user: 'ada', token: '(secret, not kept)' });
    expect(run?.drafts).toEqual({ user: 'ada' });
    const everything = JSON.stringify(run);
    expect(everything).not.toContain('tok-secret-1');
    expect(everything).not.toContain('sk-live-4242');
    // The audit record names configuration keys, never their values.
    expect(run?.audit?.permissionsUsed).toContain('env:API_KEY');
    const { text } = await exportHistory(KEY);
    expect(text).toContain('"user": "ada"');
    expect(text).not.toContain('tok-secret-1');
    expect(text).not.toContain('sk-live-4242');
  });

  it('fill the form on Re-run, keeping the secret the form holds now, and run nothing', async () => {
    await keep('ada', 'tok-secret-1');
    const run = await RunHistory.named(`store-history-${db}`).get(KEY, historyOf(KEY).runs[0]!.id);
    usePlayground.setState({
      drafts: { [`${KEY}/login`]: { user: 'bob', token: 'tok-now' } },
      resultTabs: { [KEY]: 'history' },
    });
    fillFormFromRun(KEY, run.value!, tool);
    const state = usePlayground.getState();
    expect(state.drafts[`${KEY}/login`]).toEqual({ user: 'ada', token: 'tok-now' });
    expect(state.selectedTool[KEY]).toBe('login');
    expect(state.runs[KEY]).toBeUndefined();
  });

  it('refuse a bad file on import with a sentence, and keep what was there', async () => {
    await keep('ada', 'tok-secret-1');
    await importHistory(KEY, '[1, 2, 3]');
    expect(historyOf(KEY).notice).toEqual({
      tone: 'error',
      text: expect.stringContaining('not an exported history'),
    });
    expect(historyOf(KEY).runs).toHaveLength(1);
  });
});
