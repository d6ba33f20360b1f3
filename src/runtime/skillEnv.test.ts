import { describe, expect, it } from 'vitest';
import { buildSkillEnv, configEnvName, configToValidateJson } from './skillEnv';

describe('skill environment', () => {
  it('maps config keys as skill-engine documents: SKILL_<KEY> upper-cased', () => {
    expect(configEnvName('github_token')).toBe('SKILL_GITHUB_TOKEN');
    expect(configEnvName('api.key-2')).toBe('SKILL_API_KEY_2');
  });

  it('gives each config value as its key and as SKILL_<KEY>, plus the identity variables', () => {
    const env = new Map(
      buildSkillEnv(
        [{ key: 'greeting', value: 'Hi', secret: false }],
        { skillId: 'example:text-tools', skillName: 'text-tools', instanceId: 'default' },
        5000,
      ),
    );
    expect(Object.fromEntries(env)).toEqual({
      greeting: 'Hi',
      SKILL_GREETING: 'Hi',
      SKILL_ID: 'example:text-tools',
      SKILL_NAME: 'text-tools',
      SKILL_INSTANCE_ID: 'default',
      TIMEOUT_MS: '5000',
    });
  });

  it('builds the JSON validate-config receives', () => {
    expect(
      configToValidateJson([
        { key: 'token', value: 's3', secret: true },
        { key: '', value: 'x', secret: false },
      ]),
    ).toBe('{"token":{"value":"s3","secret":true}}');
  });
});
