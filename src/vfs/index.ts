export {
  diffFiles,
  filesFromTree,
  treeFromFiles,
  type FileChanges,
  type FileTree,
  type FileMap,
} from './fileTree';
