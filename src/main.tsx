// First: the Trusted Types policies must exist before anything writes to a sink.
import './ui/trustedTypes.ts';
import './protocol/zodWithoutEval.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ExecutorAgent } from './agent/ExecutorAgent.ts';
import type { Engine } from './engine/engine.ts';
import { createServedEngine } from './engine/createServedEngine.ts';
import { codeFromUrl } from './session/codeFromUrl.ts';
import { appStore } from './store/useAppStore.ts';
import { storeProjectAccess } from './store/storeProjectAccess.ts';
import type { ProjectAccess } from './agent/projectAccess.ts';
import { startSessions } from './startSessions.ts';
import { startOver } from './store/startOver.ts';
import { App } from './ui/App.tsx';
// In cascade order: later files override earlier ones (narrowScreens' media queries come before the panels' own rules).
import './ui/styles/base.css';
import './ui/styles/topBar.css';
import './ui/styles/workbench.css';
import './ui/styles/formsAndDialogs.css';
import './ui/styles/narrowScreens.css';
import './ui/styles/outputAndSettings.css';
import './ui/styles/filesAndTests.css';
import './ui/styles/monitoring.css';
import './ui/styles/variablesAndDebug.css';
import { loadDeploymentConfig } from './config/loadDeploymentConfig.ts';
import { unisolatedPageUrl } from './protocol/isolationUrls.ts';

declare const __PYTHON_BUILD_KEY__: string;

// An engine that isolates the page but gives it no SharedArrayBuffer (WebKitGTK) refuses the sandbox's
// workers under isolation: the page reloads itself without it once (and runs reduced, as it would anyway).
const unisolated = unisolatedPageUrl(location.href, globalThis);
if (unisolated) {
  location.replace(unisolated);
  throw new Error('Reloading without cross-origin isolation: this browser gives an isolated page no SharedArrayBuffer.');
}

// The deployment's defaults (server environment); the user's saved settings still win.
const deployment = loadDeploymentConfig();
// Boot Python first, so it starts while the editor loads (from a memory snapshot of an earlier visit when allowed).
const engine = createServedEngine(__PYTHON_BUILD_KEY__, deployment, import.meta.env.DEV);
appStore.getState().attachEngine(engine);
void deployment.then((info) => {
  if (info?.config) appStore.getState().setDeploymentDefaults(info.config);
  if (info?.packageSources) {
    appStore.getState().setPackageSources(info.packageSources);
    engine.setPypiIndex(info.packageSources.pypi?.index ?? null);
  }
});

declare global {
  interface Window {
    /** The engine API, for the browser console, scripts and the benchmark: `await executor.engine.execute('1 + 1')`. */
    executor: {
      engine: Engine;
      ExecutorAgent: typeof ExecutorAgent;
      /** The project's files, as ExecutorAgent's runTests and file tools use them. */
      project: ProjectAccess;
      /** Starts over as a first visit would (new empty session, fresh interpreter, default layout) without a reload. */
      startOver(): Promise<void>;
    };
  }
}
window.executor = {
  engine,
  ExecutorAgent,
  project: storeProjectAccess(appStore.getState),
  startOver: () => startOver(appStore),
};

// Sessions (files, settings, history, chat) live in IndexedDB; the old saved project becomes the first
// one. `?session=<id>` opens a session, `#s/1/...` opens a shared one as a new session.
const project = startSessions(appStore);

const link = codeFromUrl(location.hash);
if (link && 'code' in link) {
  appStore.getState().openLinkedCode(link.code);
  appStore.getState().appendEntry('notice', 'Loaded code from the link. It has not been run: press Run when you have read it.');
} else if (link) {
  appStore.getState().appendEntry('notice', link.error);
}
// The link has done its job; a reload now shows the user's own latest edits.
if (link) history.replaceState(null, '', location.pathname + location.search);

addEventListener('pagehide', () => void project.flush());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
