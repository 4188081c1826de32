import type { LanguageQuery, LanguageRequest, LanguageResponse } from '../protocol/language.ts';
import type { ProjectFile } from '../protocol/testProtocol.ts';
import type { VariablesPage } from '../protocol/variables.ts';
import { sameContent } from '../project/fileContent.ts';

/** What the language client needs from the engine. */
export interface LanguageClientDeps {
  nextId(): number;
  post(msg: { type: 'language'; id: number; request: LanguageRequest }): void;
  /** The namespace's names (the first page), asked of the interpreter that serves runs. */
  listNames(): Promise<VariablesPage>;
  /** A run is going on (its interpreter answers nothing until it ends). */
  isRunning(): boolean;
  /** The session's packages and where installs from outside the index go. */
  sessionPackages(): { specs: readonly string[]; pypiIndex: string | null };
}

/** The engine's side of the language interpreter. */
export interface LanguageClient {
  /** Asks the language interpreter; `files` are the project's other files (sent only when they changed). */
  ask(query: LanguageQuery, files: readonly ProjectFile[]): Promise<LanguageResponse>;
  receive(id: number, response: LanguageResponse): void;
  /** A run ended or the interpreter restarted: the names may have changed. */
  namesChanged(): void;
  /** The frame was replaced: pending questions end, and the new one gets the files and names again. */
  frameReplaced(why: string): void;
}

/** A question not answered in this time gets an error (the sandbox refused it, or is stuck). */
export const LANGUAGE_TIMEOUT_MS = 15_000;

const sameFiles = (a: readonly ProjectFile[] | null, b: readonly ProjectFile[]): boolean =>
  a !== null && a.length === b.length && a.every((f, i) => f === b[i] || (f.path === b[i]?.path && sameContent(f, b[i])));

/** Sends the editor's questions to the sandbox's language interpreter, with what changed since the last one. */
export function createLanguageClient(deps: LanguageClientDeps): LanguageClient {
  const pending = new Map<number, (r: LanguageResponse) => void>();
  let sentFiles: readonly ProjectFile[] | null = null;
  let namesStale = true;

  // The names of the last run, with their types, when they changed and the interpreter can say.
  const freshNames = async (): Promise<Array<[string, string]> | undefined> => {
    if (!namesStale || deps.isRunning()) return undefined;
    namesStale = false;
    try {
      const page = await deps.listNames();
      return page.rows.filter((r) => r.kind === 'value').map((r) => [r.name, r.type]);
    } catch {
      return undefined; // the names are a bonus: completions work without them
    }
  };

  return {
    async ask(query, files) {
      const request: LanguageRequest = { query };
      if (!sameFiles(sentFiles, files)) {
        request.files = [...files];
        sentFiles = request.files;
      }
      const names = await freshNames();
      if (names) request.names = names;
      const { specs, pypiIndex } = deps.sessionPackages();
      if (specs.length) Object.assign(request, { packages: [...specs], pypiIndex });
      const id = deps.nextId();
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          sentFiles = null; // the files may not have arrived
          resolve({ ok: false, error: 'The language interpreter did not answer in time.' });
        }, LANGUAGE_TIMEOUT_MS);
        pending.set(id, (response) => {
          clearTimeout(timer);
          resolve(response);
        });
        deps.post({ type: 'language', id, request });
      });
    },
    receive(id, response) {
      pending.get(id)?.(response);
      pending.delete(id);
    },
    namesChanged() {
      namesStale = true;
    },
    frameReplaced(why) {
      for (const resolve of pending.values()) resolve({ ok: false, error: why });
      pending.clear();
      sentFiles = null;
      namesStale = true;
    },
  };
}
