// An audit record per run, after OpenSkills' AuditRecord (runtime/src/audit.rs): what ran, on
// what input, what came out, how it ended, and what it was allowed to touch.

import type { Grants, NetworkSummary, RefusedHostCall } from './protocol';

export type ExitStatus =
  | { kind: 'success' }
  | { kind: 'failed'; message: string }
  | { kind: 'timeout' }
  | { kind: 'cancelled' };

export interface AuditRecord {
  version: 1;
  skillId: string;
  skillName: string;
  tool: string;
  componentSha256: string;
  /** SHA-256 of the input JSON and of the output text. */
  inputHash: string;
  outputHash: string;
  startTime: string;
  durationMs: number;
  exitStatus: ExitStatus;
  exitCode?: number;
  /** The tool, the configuration keys, and what the grants opened: `fs:/skill:read`, `net:host`. */
  permissionsUsed: string[];
  /** What the run could touch beyond its memory, as the worker enforced it. */
  grants: Grants;
  stdoutBytes: number;
  stderrBytes: number;
  loadedFrom: string;
  /** The same, in words: `web-worker; /skill read-only, /workspace read-write; no network; ...`. */
  sandbox: string;
  /** Outgoing HTTP requests the run made, and the hosts refused to it (PermissionDenied). */
  networkRequests: number;
  networkDenied: string[];
  /** An astrid capsule's host functions that refused: not in the playground, or not granted. */
  hostFunctionsRefused: RefusedHostCall[];
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface AuditInput {
  skillId: string;
  skillName: string;
  tool: string;
  componentSha256: string;
  input: unknown;
  output: string;
  startedAt: number;
  durationMs: number;
  exitStatus: ExitStatus;
  exitCode?: number;
  /** Config keys the skill was given, by name only: never their values. */
  configKeys: string[];
  stdout: string;
  stderr: string;
  loadedFrom: string;
  /** The grants the run was made with; they decided its preopens and its network. */
  grants: Grants;
  /** What its outgoing HTTP did, when it tried any. */
  network?: NetworkSummary;
  /** A capsule's host functions that refused during the run. */
  refused?: RefusedHostCall[];
}

export async function buildAuditRecord(run: AuditInput): Promise<AuditRecord> {
  const encoder = new TextEncoder();
  return {
    version: 1,
    skillId: run.skillId,
    skillName: run.skillName,
    tool: run.tool,
    componentSha256: run.componentSha256,
    inputHash: await sha256Hex(JSON.stringify(run.input ?? null)),
    outputHash: await sha256Hex(run.output),
    startTime: new Date(run.startedAt).toISOString(),
    durationMs: Math.round(run.durationMs * 10) / 10,
    exitStatus: run.exitStatus,
    ...(run.exitCode === undefined ? {} : { exitCode: run.exitCode }),
    permissionsUsed: [
      `tool:${run.tool}`,
      ...run.configKeys.map((key) => `env:${key}`),
      ...filesystemOf(run.grants).map(([path, mode]) => `fs:${path}:${mode}`),
      ...run.grants.hosts.map((host) => `net:${host}`),
    ],
    grants: { read: run.grants.read, write: run.grants.write, hosts: [...run.grants.hosts] },
    stdoutBytes: encoder.encode(run.stdout).length,
    stderrBytes: encoder.encode(run.stderr).length,
    loadedFrom: run.loadedFrom,
    sandbox: describeSandbox(run.grants),
    networkRequests: run.network?.requests ?? 0,
    networkDenied: [...(run.network?.denied ?? [])],
    hostFunctionsRefused: (run.refused ?? []).map((call) => ({ ...call })),
  };
}

/**
 * The preopens the grants give, by the rule the worker applies (worker/preopens.ts, which the
 * host may not import; a test holds the two together): read opens /skill and /workspace
 * read-only, write makes /workspace writable.
 */
export function filesystemOf(grants: Grants): Array<[path: string, mode: 'read' | 'read-write']> {
  return [
    ...(grants.read ? [['/skill', 'read'] as [string, 'read']] : []),
    ...(grants.read || grants.write
      ? [['/workspace', grants.write ? 'read-write' : 'read'] as [string, 'read' | 'read-write']]
      : []),
  ];
}

/** What a run could touch, in words, for the audit record. */
export function describeSandbox(grants: Grants): string {
  const files = filesystemOf(grants).map(
    ([path, mode]) => `${path} ${mode === 'read' ? 'read-only' : 'read-write'}`,
  );
  const network =
    grants.hosts.length === 0 ? 'no network' : `network: ${grants.hosts.join(', ')} only`;
  return [
    'web-worker',
    files.length > 0 ? files.join(', ') : 'no filesystem',
    network,
    'env: instance config only',
  ].join('; ');
}
