import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ExecutorAgent } from './agent/ExecutorAgent.ts';
import { createEngine, type Engine } from './engine/createEngine.ts';
import { flushSavedCode } from './store/createEditorSlice.ts';
import { codeFromUrl } from './store/codeFromUrl.ts';
import { appStore, projectStorage } from './store/useAppStore.ts';
import { persistProject } from './store/persistProject.ts';
import { createMemoryProjectStorage } from './project/projectStorage.ts';
import { App } from './ui/App.tsx';
import './ui/styles.css';
import { loadDeploymentConfig } from './config/loadDeploymentConfig.ts';

// Boot Python first, so it starts while the editor loads.
const engine = createEngine();
appStore.getState().attachEngine(engine);
// The deployment's defaults (server environment); the user's saved settings still win.
void loadDeploymentConfig().then((config) => config && appStore.getState().setDeploymentDefaults(config));

declare global {
  interface Window {
    /** The engine API, for the browser console, scripts and the benchmark: `await executor.engine.execute('1 + 1')`. */
    executor: { engine: Engine; ExecutorAgent: typeof ExecutorAgent };
  }
}
window.executor = { engine, ExecutorAgent };

// The project's files live in IndexedDB; the old single buffer moves into main.py on first load.
const project = persistProject(appStore, projectStorage ?? createMemoryProjectStorage());

const link = codeFromUrl(location.hash);
if (link && 'code' in link) {
  appStore.getState().openLinkedCode(link.code);
  appStore.getState().appendEntry('notice', 'Loaded code from the link. It has not been run: press Run when you have read it.');
} else if (link) {
  appStore.getState().appendEntry('notice', link.error);
}
// The link has done its job; a reload now shows the user's own latest edits.
if (link) history.replaceState(null, '', location.pathname + location.search);

addEventListener('pagehide', () => {
  flushSavedCode(localStorage, appStore.getState().code);
  void project.flush();
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
