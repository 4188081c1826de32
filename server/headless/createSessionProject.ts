import { createMemoryProject, type ProjectAccess } from '../../src/agent/projectAccess.ts';

/** A session's project folder: kept in the server's memory, handed to every run and test run. */
export interface SessionProject extends ProjectAccess {
  /** Removes every file; returns how many there were. */
  clear(): number;
}

/** An empty project folder for a session. */
export function createSessionProject(): SessionProject {
  let inner = createMemoryProject();
  return {
    files: () => inner.files(),
    activePath: () => inner.activePath(),
    writeFile(path, content) {
      const written = inner.writeFile(path, content);
      return written.ok
        ? written
        : {
            ok: false,
            error: `${written.error.replace(/; remove files first\.$/, '')}: remove some (reset_session with keep_files false) or start a new session.`,
          };
    },
    applyChanges: (changes) => inner.applyChanges(changes),
    clear() {
      const count = inner.files().length;
      inner = createMemoryProject();
      return count;
    },
  };
}
