import type { DeploymentInfo } from '../config/loadDeploymentConfig.ts';
import { frameUrlFor } from '../protocol/isolationUrls.ts';
import { createEngine } from './createEngine.ts';
import type { Engine } from './engine.ts';
import { createSnapshotStore, snapshotKey } from './createSnapshotStore.ts';
import { fetchRuntimeFiles } from './fetchRuntimeFiles.ts';
import { snapshotsWanted } from './snapshotsWanted.ts';

/**
 * The engine of a page served by Executor's server (the app, and engine.html for the headless engine): Pyodide's
 * files from the page's origin (index.html preloads them), the frame URL the page's isolation calls for, and
 * memory snapshots unless the deployment (EXECUTOR_SNAPSHOTS=off), the URL (?snapshots=off) or development turns
 * them off. `buildKey` names the Python build the snapshots belong to. `spareInterpreter: false` keeps no booted
 * spare beside the active interpreter (the headless engine's sessions).
 */
export function createServedEngine(
  buildKey: string,
  deployment: Promise<DeploymentInfo | null>,
  dev: boolean,
  options: { spareInterpreter?: boolean } = {},
): Engine {
  return createEngine({
    ...options,
    runtimeFiles: fetchRuntimeFiles(location.origin),
    frameUrl: frameUrlFor(location.search),
    snapshots: {
      store: createSnapshotStore(snapshotKey(buildKey, navigator.userAgent)),
      enabled: snapshotsWanted(location.search, dev, deployment),
    },
  });
}
