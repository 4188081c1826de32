import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createEngine, type Engine } from './engine/createEngine.ts';
import { flushSavedCode } from './store/createEditorSlice.ts';
import { codeFromUrl } from './store/codeFromUrl.ts';
import { appStore } from './store/useAppStore.ts';
import { App } from './ui/App.tsx';
import './ui/styles.css';

// Boot Python first, so it starts while the editor loads.
const engine = createEngine();
appStore.getState().attachEngine(engine);

declare global {
  interface Window {
    /** The engine API, for the browser console, scripts and the benchmark: `await executor.engine.execute('1 + 1')`. */
    executor: { engine: Engine };
  }
}
window.executor = { engine };

const link = codeFromUrl(location.hash);
if (link && 'code' in link) {
  appStore.getState().setCode(link.code);
  appStore.getState().appendEntry('notice', 'Loaded code from the link. It has not been run: press Run when you have read it.');
} else if (link) {
  appStore.getState().appendEntry('notice', link.error);
}
// The link has done its job; a reload now shows the user's own latest edits.
if (link) history.replaceState(null, '', location.pathname + location.search);

addEventListener('pagehide', () => flushSavedCode(localStorage, appStore.getState().code));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
