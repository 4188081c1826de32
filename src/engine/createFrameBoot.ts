import type { FrameToPage, PageToFrame } from '../protocol/pageFrame.ts';
import type { AssetRequest, RuntimeFiles } from '../protocol/runtimeFiles.ts';
import { createPackageCache, type PackageCache } from './createPackageCache.ts';
import type { SnapshotStore } from './createSnapshotStore.ts';
import { fetchRuntimeFiles } from './fetchRuntimeFiles.ts';
import { fetchSandboxAsset } from './fetchSandboxAsset.ts';

/** Sends a message to the frame the boot belongs to (transferring `transfer`); dropped when that frame is gone. */
export type FrameSend = (msg: PageToFrame, transfer?: Transferable[]) => void;

/** What the page gives frames to boot from, and how it hears how they booted. */
export interface FrameBootOptions {
  /** The app's origin: Pyodide's files and the package index are fetched there. */
  origin: string;
  /** Memory snapshots: where they are kept, and whether they are on. Off when absent. */
  snapshots?: { store: SnapshotStore; enabled: Promise<boolean> };
  /** Keep a booted spare interpreter in the frame (default true; see the 'boot' message). */
  spareInterpreter?: boolean;
  /** Pyodide's files, fetched early (from index.html's first script); later frames fetch them again, from the HTTP cache. */
  runtimeFiles?: Promise<RuntimeFiles>;
  /** How the interpreter that serves runs started. */
  onBoot(boot: 'snapshot' | 'normal'): void;
  /** One line for the console. */
  onNotice(text: string, level: 'info' | 'warning'): void;
  /** Python cannot start: the files could not be had. */
  onFailed(message: string): void;
  fetcher?: typeof fetch;
  /** Where package files are kept between installs and visits (default: the page's Cache Storage). */
  packageCache?: PackageCache;
}

/** The page's side of a frame's start: its 'boot' message, its requests for files, its snapshots. */
export interface FrameBoot {
  /** Sends 'boot' once the stored snapshot and Pyodide's files are at hand. */
  boot(send: FrameSend): void;
  /** Answers a frame's request for a file (a wheel, a package index's page); see fetchSandboxAsset. */
  answerAsset(id: number, request: AssetRequest, send: FrameSend): void;
  /** The frame said how it booted, or sent a new snapshot to keep. */
  onSnapshotMessage(msg: Extract<FrameToPage, { type: 'booted' | 'snapshot' }>): void;
}

/** Creates the page's side of frame start-up (see {@link FrameBoot}). */
export function createFrameBoot(options: FrameBootOptions): FrameBoot {
  const fetcher = options.fetcher ?? ((input, init) => fetch(input, init));
  const packageCache = options.packageCache ?? createPackageCache();
  let early = options.runtimeFiles ?? null;
  // The first frame gets the early download; a later one (after a crash) fetches again: the bytes
  // went to the first frame, and the browser's cache has them.
  const runtimeFiles = (): Promise<RuntimeFiles> => {
    const files = early ?? fetchRuntimeFiles(options.origin, fetcher);
    early = null;
    return files;
  };
  let snapshot: Blob | null = null;
  const snapshotsReady = (async (): Promise<boolean> => {
    if (!options.snapshots || !(await options.snapshots.enabled.catch(() => false))) return false;
    snapshot = await options.snapshots.store.load().catch(() => null);
    return true;
  })();

  return {
    boot(send) {
      void Promise.all([snapshotsReady, runtimeFiles()]).then(
        ([snapshots, runtime]) => {
          const spare = options.spareInterpreter ?? true;
          send({ type: 'boot', snapshot, snapshots, spare, runtime }, [runtime.wasm, runtime.stdlib]);
        },
        (err: unknown) =>
          options.onFailed(
            `Python's files could not be downloaded: ${err instanceof Error ? err.message : String(err)} Check the connection, then reload the page.`,
          ),
      );
    },
    answerAsset(id, request, send) {
      void fetchSandboxAsset(request, options.origin, fetcher, packageCache).then((reply) =>
        send({ type: 'asset', id, reply }, reply.ok ? [reply.bytes] : []),
      );
    },
    onSnapshotMessage(msg) {
      if (msg.type === 'snapshot') {
        snapshot = new Blob([msg.bytes]);
        void options.snapshots?.store.save(snapshot).catch(() => undefined);
        return;
      }
      options.onBoot(msg.boot);
      if (msg.problem) {
        snapshot = null;
        void options.snapshots?.store.discard().catch(() => undefined);
        options.onNotice(
          `The saved snapshot of Python could not be used (${msg.problem}), so Python started normally; a new one will be saved.`,
          'warning',
        );
      }
    },
  };
}
