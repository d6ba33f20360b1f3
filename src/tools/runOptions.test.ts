import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUT_MS } from '../runtime';
import { buildRunOptions, runLimits } from './runOptions';
import { LIMIT_CEILINGS, readToolLimits, type Tool } from './tool';

const tool = (limits: Tool['limits']): Tool => ({
  name: 't',
  description: '',
  schema: { type: 'object', properties: {}, required: [] },
  call: { kind: 'command', protocol: 'json-stdio' },
  origin: 'sidecar',
  limits,
});
const instance = { name: 'default', config: [] };
const MIB = 1024 * 1024;

describe('run limits', () => {
  it("lets the person's setting win over what the manifest asks", () => {
    const limits = runLimits({ ...instance, timeoutMs: 2000 }, tool({ timeoutMs: 40_000 }));
    expect(limits.timeoutMs).toBe(2000);
  });

  it('gives the manifest what it asks where the person set nothing', () => {
    expect(runLimits(instance, tool({ timeoutMs: 40_000 })).timeoutMs).toBe(40_000);
    expect(runLimits(instance, tool({})).timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
  });

  it("keeps a capsule's memory limit unless the person set a lower one", () => {
    const capsule = tool({ maxMemoryBytes: 64 * MIB });
    expect(runLimits(instance, capsule).maxMemoryBytes).toBe(64 * MIB);
    expect(runLimits({ ...instance, maxMemoryBytes: 32 * MIB }, capsule).maxMemoryBytes).toBe(
      32 * MIB,
    );
    expect(runLimits({ ...instance, maxMemoryBytes: 512 * MIB }, capsule).maxMemoryBytes).toBe(
      64 * MIB,
    );
  });

  it('never passes the ceilings', () => {
    const limits = runLimits(instance, tool({ timeoutMs: 1e12, maxOutputBytes: 1e12 }));
    expect(limits.timeoutMs).toBe(LIMIT_CEILINGS.timeoutMs);
    expect(limits.maxOutputBytes).toBe(LIMIT_CEILINGS.maxOutputBytes);
  });

  it('passes the grants of the instance, or the default from the ask', () => {
    const options = buildRunOptions({ skillId: 's', skillName: 's', instance });
    expect(options.grants).toEqual({ read: true, write: true, hosts: [] });
  });
});

describe("a manifest's limits", () => {
  it('takes whole numbers within the ceilings', () => {
    expect(readToolLimits({ timeoutMs: 5000, maxOutputBytes: 1024 })).toEqual({
      limits: { timeoutMs: 5000, maxOutputBytes: 1024 },
      problems: [],
    });
  });

  it('refuses nonsense with a sentence and keeps the default', () => {
    const { limits, problems } = readToolLimits({ timeoutMs: 1e12, maxOutputBytes: -1 });
    expect(limits).toEqual({});
    expect(problems).toEqual([
      "limits.timeoutMs must be a whole number from 1 to 600000, not 1000000000000; the playground's default is used.",
      "limits.maxOutputBytes must be a whole number from 1 to 67108864, not -1; the playground's default is used.",
    ]);
  });
});
