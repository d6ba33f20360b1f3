export type { Bundle, BundleSource, Diagnostic, Severity } from './types';
export { parseSkillMd, type SkillMd } from './skillMd';
export { validateFrontmatter } from './validateFrontmatter';
export { wasmKind, type WasmKind } from './wasmKind';
export {
  analyzeBundle,
  findSkillMdPath,
  findWasmPath,
  type SkillDescription,
  type WasmEntry,
} from './analyzeBundle';
export {
  bundlesFromPicked,
  pickedFromDataTransfer,
  pickedFromFileList,
  type PickedFile,
} from './pickedFiles';
export {
  fetchExampleBundle,
  fetchExampleIndex,
  fetchExampleManifest,
  type ExampleEntry,
} from './examples';
export { commandTools } from './commandTools';
export { componentTools } from './componentTools';
export {
  defaultRunTool,
  SIDECAR_FILE,
  type CommandProtocol,
  type Tool,
  type ToolCall,
  type ToolLimits,
} from './tools';
export { ARCHIVE_LIMITS, ArchiveError, unzipArchive } from './archive';
export { fetchSkillFiles, parseGitHubUrl, UrlLoadError, MAX_URL_BYTES } from './fetchBundle';
export {
  checkFrontmatterKeys,
  compatibility,
  EXTENSION_KEYS,
  SPEC_KEYS,
  type Compatibility,
  type Target,
  type ValidationMode,
} from './skillMdRules';
export { argumentsOf, renderInstructions, type ArgumentSpec } from './instructions';
export {
  CAPSULE_FILE,
  parseCapsuleManifest,
  type CapsuleManifest,
  type CapsuleTool,
} from './capsuleManifest';
export { parseSkillSpec } from './parseSkillSpec';
export { skillMdFromSkillSpec, skillSpecJson, type SkillSpec } from './skillSpec';
export { skillSpecFromSkillMd } from './skillSpecFromSkillMd';
