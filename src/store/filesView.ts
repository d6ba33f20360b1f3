import { openFile } from './workbench';

// What the Files pane shows, asked for from elsewhere: a click in the file tree, or a link in a
// rendered Markdown file to another of the skill's files.

/** Shows one of a skill's files in the editor, as a click in the file tree does. */
export function chooseFile(key: string, path: string): void {
  openFile(key, path, { mode: 'edit' });
}

/** Shows a file a link asked for: Markdown rendered, anything else as the editor shows it. */
export function showFile(key: string, path: string): void {
  openFile(key, path, { mode: /\.(md|markdown)$/i.test(path) ? 'preview' : 'edit' });
}
