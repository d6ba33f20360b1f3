import { lazy, useState, type ComponentProps } from 'react';
import { startMarkdownWorker } from './markdown/markdownParser';
// Types only: the module itself is a chunk of its own, loaded below.
import type * as MarkdownViewModule from './panels/MarkdownView';

// The Markdown view loads only when Markdown is shown, never with the page; its parser runs in a
// worker of its own (markdown/). When something is dropped or a skill starts opening, a SKILL.md
// is about to be shown, so both start then, while its files are read.

type MarkdownModule = typeof MarkdownViewModule;
type Props = ComponentProps<MarkdownModule['default']>;

let loaded: MarkdownModule | undefined;
let loading: Promise<MarkdownModule> | undefined;

const load = () =>
  (loading ??= import('./panels/MarkdownView').then(
    (module) => (loaded = module),
    (error: unknown) => {
      // The next render tries again, and shows its own error should that fail too.
      loading = undefined;
      throw error;
    },
  ));

const LazyMarkdownView = lazy(load);

/**
 * The Markdown view: drawn at once when it has loaded (a lazy component suspends on its first
 * render even then, and React reveals what a Suspense boundary held up to 300 ms later), else
 * loaded first. Which one is chosen once, so a view is never remounted when loading ends.
 */
export function MarkdownView(props: Props) {
  const [View] = useState(() => loaded?.default ?? LazyMarkdownView);
  return <View {...props} />;
}

/** Starts the Markdown worker and loads the view, once a page. */
export function preloadMarkdownView(): void {
  startMarkdownWorker();
  load().catch(() => undefined);
}
