import { createMemoryProject, type ProjectAccess } from '../../src/agent/projectAccess.ts';

/** Most characters a session's files may hold in all (they live in the server's memory). */
export const MAX_PROJECT_CHARS = 20_000_000;

/** A session's project folder: kept in the server's memory, handed to every run and test run. */
export interface SessionProject extends ProjectAccess {
  /** Removes every file; returns how many there were. */
  clear(): number;
}

/** An empty project folder for a session. */
export function createSessionProject(): SessionProject {
  let inner = createMemoryProject();
  const size = () => inner.files().reduce((n, f) => n + f.content.length, 0);
  return {
    files: () => inner.files(),
    activePath: () => inner.activePath(),
    writeFile(path, content) {
      const old = inner.files().find((f) => f.path === path)?.content.length ?? 0;
      if (size() - old + content.length > MAX_PROJECT_CHARS)
        return {
          ok: false,
          error: `The session's files would hold more than ${MAX_PROJECT_CHARS.toLocaleString('en')} characters: remove some (reset_session with keep_files false) or start a new session.`,
        };
      return inner.writeFile(path, content);
    },
    clear() {
      const count = inner.files().length;
      inner = createMemoryProject();
      return count;
    },
  };
}
