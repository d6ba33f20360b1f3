import { usePlayground } from './playgroundStore';

const { setState } = usePlayground;

/** Shows one of a skill's files in its Files panel, as a click in the file tree does. */
export function chooseFile(key: string, path: string): void {
  setState((s) => ({
    openFiles: { ...s.openFiles, [key]: { path, request: s.openFiles[key]?.request ?? 0 } },
  }));
}

/** Opens the skill's Files panel at a file and brings it into view, as a link to it asks. */
export function showFile(key: string, path: string): void {
  setState((s) => ({
    openFiles: { ...s.openFiles, [key]: { path, request: (s.openFiles[key]?.request ?? 0) + 1 } },
  }));
}
