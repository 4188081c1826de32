/**
 * The headless engine page (engine.html): the sandbox frame and the engine, no UI. The MCP server and the
 * CLI open one per session in headless Chromium and call `window.executorEngine` (see server/headless).
 */
import { createEngine, type Engine } from '../engine/createEngine.ts';
import { createSnapshotStore, snapshotKey } from '../engine/createSnapshotStore.ts';
import { fetchRuntimeFiles } from '../engine/fetchRuntimeFiles.ts';
import { snapshotsWanted } from '../engine/snapshotsWanted.ts';
import { loadDeploymentConfig } from '../config/loadDeploymentConfig.ts';
import { frameUrlFor } from '../protocol/isolationUrls.ts';

declare const __PYTHON_BUILD_KEY__: string;

declare global {
  interface Window {
    /** The engine of the headless page (engine.html). */
    executorEngine?: Engine;
  }
}

const deployment = loadDeploymentConfig();
const engine = createEngine({
  runtimeFiles: fetchRuntimeFiles(location.origin),
  frameUrl: frameUrlFor(location.search),
  snapshots: {
    store: createSnapshotStore(snapshotKey(__PYTHON_BUILD_KEY__, navigator.userAgent)),
    enabled: snapshotsWanted(location.search, import.meta.env.DEV, deployment),
  },
});
void deployment.then((info) => engine.setPypiIndex(info?.packageSources?.pypi?.index ?? null));
window.executorEngine = engine;
