import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bundleDigest, type DiscoveryIndex } from '../bundle';
import { initialState, usePlayground } from './playgroundStore';
import { setServices } from './services';
import { dismissIndex, openIndexSkills } from './siteIndex';
import { freshInstanceList } from '../storage';

const enc = new TextEncoder();
const MD = (name: string) => `---\nname: ${name}\ndescription: From an index.\n---\nBody\n`;
const hex = async (text: string) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', enc.encode(text)))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
const SITE = 'https://skills.example/.well-known/agent-skills/';

async function offer(): Promise<DiscoveryIndex> {
  const index: DiscoveryIndex = {
    url: `${SITE}index.json`,
    version: '0.2.0',
    warnings: [],
    skills: [
      {
        name: 'alpha',
        description: 'From an index.',
        type: 'skill-md',
        url: `${SITE}alpha/SKILL.md`,
        digest: await hex(MD('alpha')),
      },
      {
        name: 'beta',
        description: 'From an index.',
        type: 'skill-md',
        url: `${SITE}beta/SKILL.md`,
        digest: await hex('not what is served'),
      },
    ],
  };
  usePlayground.setState({ offeredIndex: index });
  return index;
}

describe('opening skills picked from a site’s index', () => {
  beforeEach(() => {
    usePlayground.setState(initialState(), true);
    setServices({
      createWorker: () => {
        throw new Error('no worker in this test');
      },
      readInstance: async () => ({ value: { version: 1, name: 'default', config: [] } }),
      readInstanceList: async () => ({ value: freshInstanceList() }),
      saveInstance: async () => {},
      saveSkill: async () => {},
      storageUse: async () => undefined,
    });
    vi.stubGlobal('fetch', async (input: string) => {
      const name = new URL(input).pathname.split('/').at(-2)!;
      return new Response(MD(name));
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('lists each by its artifact URL, bound to its bytes, waiting for consent, and ends the offer', async () => {
    await offer();
    expect(await openIndexSkills(['alpha'])).toEqual({ ok: true });
    const state = usePlayground.getState();
    expect(state.offeredIndex).toBeNull();
    const [skill] = state.skills;
    expect(skill).toMatchObject({
      key: `url:${SITE}alpha/SKILL.md#alpha`,
      source: { kind: 'url', url: `${SITE}alpha/SKILL.md` },
      name: 'alpha',
      needsConsent: true,
      sourceSha256: await bundleDigest(new Map([['SKILL.md', enc.encode(MD('alpha'))]])),
    });
    expect(state.selectedKey).toBe(skill!.key);
  });

  it('imports none when one picked artifact fails its digest, and keeps the offer', async () => {
    const index = await offer();
    const result = await openIndexSkills(['alpha', 'beta']);
    expect(result).toMatchObject({ ok: false, retryable: false });
    expect(!result.ok && result.message).toContain('beta was refused');
    expect(usePlayground.getState().skills).toEqual([]);
    expect(usePlayground.getState().offeredIndex).toBe(index);
    dismissIndex();
    expect(usePlayground.getState().offeredIndex).toBeNull();
  });

  it('imports nothing once cancelled', async () => {
    await offer();
    const controller = new AbortController();
    controller.abort();
    expect(await openIndexSkills(['alpha'], { signal: controller.signal })).toMatchObject({
      ok: false,
      cancelled: true,
    });
    expect(usePlayground.getState().skills).toEqual([]);
  });
});
