import type { ProjectAccess } from '../agent/projectAccess.ts';
import type { AppState } from './types.ts';

/** The store's project as the agent's tools see it (read with the editor's latest buffer; writes go through the files slice). */
export function storeProjectAccess(get: () => AppState): ProjectAccess {
  return {
    files: () => get().files,
    activePath: () => get().activePath,
    writeFile(path, content) {
      const written = get().writeFile(path, content);
      return 'error' in written ? { ok: false, error: written.error } : { ok: true, ...written };
    },
    applyChanges: (changes) => get().applyFileChanges(changes),
  };
}
