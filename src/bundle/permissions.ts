import type { CapsuleManifest } from './capsuleManifest';

// What a skill asks to touch, read from its own declaration. OpenSkills maps SKILL.md's
// `allowed-tools` to sandbox capabilities (permissions.rs `map_tools_to_capabilities`); an astrid
// Capsule.toml says it in `[capabilities]`. The person grants or revokes each; this is only the ask.

export type Capability = 'read' | 'write' | 'network';

/** One allowed-tools entry as written, with the scope of forms like `Bash(git:*)`. */
export interface DeclaredTool {
  name: string;
  scope?: string;
  /** What OpenSkills grants for it; empty for tools that map to nothing. */
  grants: Capability[];
}

export interface RequestedCapabilities {
  /** Where the ask comes from; `none` when the skill declares nothing. */
  declaredBy: 'allowed-tools' | 'capsule' | 'none';
  read: boolean;
  write: boolean;
  /** Hosts asked for: `*` for any (OpenSkills' WebFetch), or a capsule's `net` domains. */
  hosts: string[];
  tools: DeclaredTool[];
}

const TOOL_CAPABILITIES: Record<string, Capability[]> = {
  read: ['read'],
  grep: ['read'],
  glob: ['read'],
  ls: ['read'],
  write: ['write'],
  edit: ['write'],
  multiedit: ['write'],
  bash: ['read', 'write'],
  terminal: ['read', 'write'],
  webfetch: ['network'],
  websearch: ['network'],
  fetch: ['network'],
};

export const NOTHING_REQUESTED: RequestedCapabilities = {
  declaredBy: 'none',
  read: false,
  write: false,
  hosts: [],
  tools: [],
};

/**
 * Splits `allowed-tools` as the systems that read it write it: a string of names separated by
 * spaces or commas (a scope in parentheses may hold either), or a YAML list.
 */
export function parseAllowedTools(value: unknown): DeclaredTool[] {
  const tokens: string[] = Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : typeof value === 'string'
      ? splitOutsideParens(value)
      : [];
  return tokens
    .map((token) => token.trim())
    .filter(Boolean)
    .map((token) => {
      const scoped = /^([^()]+)\((.*)\)$/.exec(token);
      const name = (scoped ? scoped[1]! : token).trim();
      return {
        name,
        ...(scoped ? { scope: scoped[2]!.trim() } : {}),
        grants: TOOL_CAPABILITIES[name.toLowerCase()] ?? [],
      };
    });
}

function splitOutsideParens(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (char === ',' || /\s/.test(char))) {
      out.push(current);
      current = '';
    } else current += char;
  }
  out.push(current);
  return out;
}

export function capabilitiesFromAllowedTools(value: unknown): RequestedCapabilities {
  const tools = parseAllowedTools(value);
  if (tools.length === 0) return NOTHING_REQUESTED;
  const has = (c: Capability) => tools.some((t) => t.grants.includes(c));
  return {
    declaredBy: 'allowed-tools',
    read: has('read'),
    write: has('write'),
    hosts: has('network') ? ['*'] : [],
    tools,
  };
}

/** astrid's `[capabilities]`: `fs_read`/`fs_write` paths and `net` domains. */
export function capabilitiesFromCapsule(
  capabilities: CapsuleManifest['capabilities'],
): RequestedCapabilities {
  const list = (key: string) => capabilities[key] ?? [];
  return {
    declaredBy: 'capsule',
    read: list('fs_read').length > 0,
    write: list('fs_write').length > 0,
    hosts: list('net'),
    tools: [],
  };
}

/** What a skill asks for: its Capsule.toml when it has one, else SKILL.md's allowed-tools. */
export function requestedCapabilities(skill: {
  capsule?: CapsuleManifest;
  skillMd: { frontmatter: Record<string, unknown> | null } | null;
}): RequestedCapabilities {
  if (skill.capsule) return capabilitiesFromCapsule(skill.capsule.capabilities);
  return capabilitiesFromAllowedTools(skill.skillMd?.frontmatter?.['allowed-tools']);
}
