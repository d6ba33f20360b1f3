export type {
  ComponentId,
  TranspiledComponent,
  RunError,
  RunStage,
  RunTimings,
  ErrorCode,
  ExportCall,
  Grants,
  NetworkSummary,
  LoadErrorCode,
  PluginSetup,
  RefusedHostCall,
} from './protocol';
export {
  RuntimeHost,
  DEFAULT_MAX_OUTPUT_BYTES,
  DEFAULT_MAX_LINE_BYTES,
  DEFAULT_MAX_MEMORY_BYTES,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_GRANTS,
  type ComponentSource,
  type LoadSource,
  type RunOutcome,
  type RuntimeHostOptions,
  type WorkerLike,
} from './host';
export {
  HostPool,
  DEFAULT_IDLE_MS,
  DEFAULT_MAX_LIVE_WORKERS,
  type HostPoolOptions,
} from './hostPool';
export { MemoryTranspileCache, type TranspileCache } from './transpileCache';
export { LIMIT_CEILINGS, LIMIT_FLOORS, limitsProblem, type RunLimitValues } from './runLimits';
export { componentId } from './componentId';
export { createRuntimeWorker } from './createRuntimeWorker';
export { buildSkillEnv, configEnvName, configToValidateJson, type ConfigEntry } from './skillEnv';
export {
  parseMetadata,
  parseTools,
  parseToolResult,
  parseValidateResult,
  type ParamType,
  type SkillMetadata,
  type SkillParameter,
  type ToolDefinition,
  type ToolResult,
} from './skillEngine';
export { describeSkill, validateConfig, type DescribeResult } from './skillEngineClient';
export { componentKind, type ComponentKind } from './componentKind';
export { commandStdin, readCommandOutput, type CommandResult } from './commandIo';
export type { ComponentInfo } from './protocol';
export type { RunRequest } from './host';
export { buildAuditRecord, sha256Hex, type AuditRecord, type ExitStatus } from './audit';
export { inspectWasm, type WasmInspection } from './inspectWasm';
export type { InspectedPart } from './inspectProtocol';
