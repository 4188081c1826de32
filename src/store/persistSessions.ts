import type { StoreApi } from 'zustand/vanilla';
import type { AppState } from './types.ts';
import type { ProjectFile } from '../protocol/testProtocol.ts';
import { isTextFile } from '../project/fileContent.ts';
import { mergePackages, samePackages } from './sessionPackages.ts';

/** Whether two file lists hold the same binary files (the same objects: bytes are never changed in place). */
function sameBinaries(a: readonly ProjectFile[], b: readonly ProjectFile[]): boolean {
  const x = a.filter((f) => !isTextFile(f));
  const y = b.filter((f) => !isTextFile(f));
  return x.length === y.length && x.every((f, i) => f === y[i]);
}

/** The state a session keeps: a change to any of these is saved (debounced). */
const KEPT: ReadonlyArray<keyof AppState> = [
  'code',
  'files',
  'activePath',
  'openPaths',
  'breakpoints',
  'settings',
  'settingsCustomized',
  'autoLoadPackages',
  'sessionPackages',
  'stdinText',
  'stdinEnabled',
  'inputCountsTowardTimeout',
  'chatMessages',
  'chatDraft',
  'chatBusy',
];

/**
 * Loads the sessions (see hydrateSessions), then keeps the open one saved: shortly after every change,
 * and at once before every run (a hard kill of the interpreter, or a crash of the tab mid-run, loses
 * nothing typed). Returns `flush` to save now (the page calls it on pagehide and when hidden).
 */
export function persistSessions(
  store: StoreApi<AppState>,
  options: Parameters<AppState['hydrateSessions']>[0] = {},
  delayMs = 250,
): { ready: Promise<void>; flush(): Promise<void> } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    return store.getState().flushSession();
  };
  const ready = store
    .getState()
    .hydrateSessions(options)
    .then(() => {
      store.subscribe((s, prev) => {
        // Packages installed by hand belong to the session: installed again when it opens, in every new
        // interpreter (the engine has the list), and by "Re-run history".
        const requested = s.lastInstall !== prev.lastInstall ? (s.lastInstall?.requested ?? []) : [];
        if (requested.length) {
          const next = mergePackages(s.sessionPackages, requested);
          if (!samePackages(next, s.sessionPackages)) store.setState({ sessionPackages: next });
        }
        if (s.sessionPackages !== prev.sessionPackages) s.engine?.setSessionPackages(s.sessionPackages.map((p) => p.spec));
        if (s.running && !prev.running) {
          // The banner says the shared code has not been run: now it has.
          if (s.sessionOrigin) store.setState({ sessionOrigin: null });
          void flush();
          return;
        }
        if (s.currentSessionId !== prev.currentSessionId || !KEPT.some((k) => s[k] !== prev[k])) return;
        // A binary file came or went (an import, a program's write): saved at once, since the pagehide
        // journal (text in localStorage) can carry only small ones.
        // So is a change to the session's packages: a reload right after an install must install them again.
        if (s.sessionPackages !== prev.sessionPackages || (s.files !== prev.files && !sameBinaries(s.files, prev.files))) {
          void flush();
          return;
        }
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => void flush(), delayMs);
      });
      // What was typed while the session loaded, or a #code link's file, is saved now (nothing if unchanged).
      void flush();
    });
  return { ready, flush };
}
