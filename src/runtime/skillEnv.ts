/** One configuration value of a skill instance. Secrets are values the UI masks and never shares. */
export interface ConfigEntry {
  key: string;
  value: string;
  secret: boolean;
}

export interface SkillIdentity {
  skillId: string;
  skillName: string;
  instanceId: string;
}

/** skill-engine's documented mapping (config_mapper.rs): `github_token` becomes `SKILL_GITHUB_TOKEN`. */
export function configEnvName(key: string): string {
  return `SKILL_${key.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}`;
}

/**
 * The environment a skill sees: its configuration (each key as given and as SKILL_<KEY>) and
 * the identity variables skill systems set. Nothing of the page's own environment leaks in.
 */
export function buildSkillEnv(
  config: ConfigEntry[],
  identity: SkillIdentity,
  timeoutMs: number,
): Array<[string, string]> {
  const env = new Map<string, string>();
  for (const { key, value } of config) {
    if (!key) continue;
    env.set(key, value);
    env.set(configEnvName(key), value);
  }
  env.set('SKILL_ID', identity.skillId);
  env.set('SKILL_NAME', identity.skillName);
  env.set('SKILL_INSTANCE_ID', identity.instanceId);
  env.set('TIMEOUT_MS', String(timeoutMs));
  return [...env];
}

/** The JSON skill-engine hands to validate-config: `{"key": {"value": "...", "secret": bool}}`. */
export function configToValidateJson(config: ConfigEntry[]): string {
  return JSON.stringify(
    Object.fromEntries(
      config.filter((e) => e.key).map((e) => [e.key, { value: e.value, secret: e.secret }]),
    ),
  );
}
