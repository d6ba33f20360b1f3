export {
  diffFiles,
  filesFromTree,
  treeFromFiles,
  type FileChanges,
  type FileTree,
  type FlatFiles,
} from './fileTree';
