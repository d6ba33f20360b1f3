export {
  defaultRunTool,
  LIMIT_CEILINGS,
  readToolLimits,
  SIDECAR_FILE,
  textProperty,
  type CommandProtocol,
  type Tool,
  type ToolCall,
  type ToolLimits,
} from './tool';
export { commandTools } from './commandTools';
export { componentTools } from './componentTools';
export {
  CAPSULE_LIMITS,
  capsuleConfig,
  capsulePluginComponents,
  capsuleTools,
  componentLabel,
  readCapsuleOutput,
  toolCallInput,
  TOOL_CALL_EXPORT,
  type CapsulePlugin,
} from './capsuleTools';
export { schemaFromSkillParameters, skillEngineTool } from './skillEngineTools';
export { schemaFromSkillArguments } from './skillSpecArguments';
export { toSkillEngineArgs } from './skillEngineArgs';
export {
  initialToolDrafts,
  readToolInput,
  toolModel,
  type ToolInput,
  type ToolInputRead,
  type ToolModel,
} from './toolInput';
export {
  buildRunOptions,
  runLimits,
  type InstanceSettings,
  type RunOptions,
  type RunOptionsInput,
} from './runOptions';
export { callTool, entryComponent, type CallToolOptions, type ToolOutcome } from './callTool';
export { describeGrants, effectiveGrants, parseHostList } from './grants';
export {
  redactArguments,
  scrubSecrets,
  secretFields,
  SECRET_MARKER,
  withoutSecretDrafts,
} from './secretArguments';
