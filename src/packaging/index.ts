export {
  skillArchive,
  SKILL_ARCHIVE_FORMATS,
  type SkillArchive,
  type SkillArchiveFormat,
} from './skillArchive';
export {
  DISCOVERY_SCHEMA,
  WELL_KNOWN_DIR,
  defaultPublishType,
  publishFolder,
  publishProblem,
  sha256Hex,
  zipFolder,
  type DiscoveryEntry,
  type PublishedIndex,
  type PublishedFolder,
  type PublishType,
  type SkillToPublish,
} from './publish';
export {
  packWorkspace,
  unpackWorkspace,
  WORKSPACE_ROOT,
  type WorkspaceContents,
  type WorkspaceInstance,
  type WorkspaceSkill,
} from './workspaceFile';
export {
  WORKSPACE_FORMAT,
  WORKSPACE_VERSION,
  readWorkspaceManifest,
  type DraftJson,
  type ExportedConfigEntry,
  type ExportedInstance,
  type ExportedRun,
  type WorkspaceManifest,
} from './workspaceFormat';
