export type { Bundle, BundleSource, Diagnostic, PickedFile, Severity } from './types';
export { parseSkillMd, type SkillMd } from './skillMd';
export { validateFrontmatter } from './validateFrontmatter';
export { wasmKind, type WasmKind } from './wasmKind';
export { decodeTextInSlices } from './decodeText';
export {
  analyzeBundle,
  findSkillMdPath,
  findWasmPath,
  type SkillDescription,
  type WasmEntry,
} from './analyzeBundle';
export { pickedFromDataTransfer, pickedFromFileList } from './pickedFiles';
export {
  findSkills,
  readFoundManifests,
  readFoundSkill,
  MAX_PICKED_BYTES,
  type Found,
  type FoundSkill,
  type SkippedItem,
} from './findSkills';
export { MAX_SKILL_DEPTH, type SkillMarker } from './discoverSkills';
export { summarizeImport, type ImportSummary } from './importSummary';
export {
  fetchExampleBundle,
  fetchExampleIndex,
  fetchExampleManifest,
  type ExampleEntry,
} from './examples';
export { ARCHIVE_LIMITS, ArchiveError, normaliseEntryName, unsafeEntryName } from './archive';
export { unpackArchive } from './unpackArchive';
export {
  describeProgress,
  fetchFromUrl,
  parseGitHubUrl,
  UrlLoadError,
  MAX_URL_BYTES,
  URL_LOAD_LIMITS,
  type UrlLoadErrorCode,
  type UrlLoadOptions,
  type UrlLoadProgress,
  type UrlContent,
} from './fetchBundle';
export { fetchIndexSkills, type IndexSkillsFetched } from './fetchIndexSkills';
export { INDEX_SCHEMA_0_2, type DiscoveryIndex, type IndexedSkill } from './wellKnownIndex';
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
  type CapsuleComponent,
  type CapsuleEnv,
  type CapsuleManifest,
  type CapsuleTool,
} from './capsuleManifest';
export { parseSkillSpec } from './parseSkillSpec';
export { skillMdFromSkillSpec, skillSpecJson, type SkillSpec } from './skillSpec';
export { skillSpecFromSkillMd } from './skillSpecFromSkillMd';
export {
  capabilitiesFromAllowedTools,
  capabilitiesFromCapsule,
  parseAllowedTools,
  requestedCapabilities,
  NOTHING_REQUESTED,
  type Capability,
  type DeclaredTool,
  type RequestedCapabilities,
} from './permissions';
export { bundleDigest } from './digest';
export {
  declaredConfigOf,
  declaredInCapsuleEnv,
  declaredInFrontmatter,
  declaredInMetadata,
  declaredInSkillConfigToml,
  declaredInSkillYaml,
  looksSecret,
  mergeDeclarations,
  type ConfigDeclaration,
  type ConfigDeclarations,
} from './declaredConfig';
