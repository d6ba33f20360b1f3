import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import './ui/styles.css';
import './ui/workbench.css';
import { createRuntimeWorker, MemoryTranspileCache, RuntimeHost } from './runtime';
import { saveSkill } from './storage';

// Handles for npm run bench (bench/run.mjs), which times the runtime below the UI.
(window as unknown as { skillPlayground: unknown }).skillPlayground = {
  createRuntimeWorker,
  RuntimeHost,
  MemoryTranspileCache,
  saveSkill,
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary what="the page">
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
