// An audit record per run, after OpenSkills' AuditRecord (runtime/src/audit.rs): what ran, on
// what input, what came out, how it ended, and what it was allowed to touch.

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
  permissionsUsed: string[];
  stdoutBytes: number;
  stderrBytes: number;
  loadedFrom: string;
  sandbox: string;
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
    permissionsUsed: [`tool:${run.tool}`, ...run.configKeys.map((key) => `env:${key}`)],
    stdoutBytes: encoder.encode(run.stdout).length,
    stderrBytes: encoder.encode(run.stderr).length,
    loadedFrom: run.loadedFrom,
    sandbox: 'web-worker; wasi: no preopens, no network; env: instance config only',
  };
}
