import type { StoreApi } from 'zustand/vanilla';
import type { ProjectStorage } from '../project/projectStorage.ts';
import { projectSnapshot } from './createFilesSlice.ts';
import type { AppState } from './types.ts';

/**
 * Loads the saved project into the store, then saves it shortly after every
 * change to a file, the active file or the tabs (and at once when asked, e.g.
 * when the page is hidden). Returns `flush` to save now.
 */
export function persistProject(store: StoreApi<AppState>, storage: ProjectStorage, delayMs = 250): { ready: Promise<void>; flush(): Promise<void> } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = async (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const s = store.getState();
    if (!s.projectLoaded) return;
    try {
      await storage.save(projectSnapshot(s));
    } catch {
      s.setFilesError('The project could not be saved in this browser (storage full or blocked). Export it as a .zip to keep it.');
    }
  };
  const ready = store
    .getState()
    .hydrateProject()
    .then(() => {
      store.subscribe((s, prev) => {
        if (s.code === prev.code && s.files === prev.files && s.activePath === prev.activePath && s.openPaths === prev.openPaths) return;
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => void flush(), delayMs);
      });
    });
  return { ready, flush };
}
