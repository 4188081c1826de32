import { ruffClient } from '../ruff/ruffClient.ts';
import type { RuffClient } from '../ruff/createRuffClient.ts';
import { ruffOptions } from '../ruff/ruffOptions.ts';
import { projectFiles } from './createFilesSlice.ts';
import type { EditorSlice, SliceCreator } from './types.ts';

const CODE_KEY = 'executor.code.v1';

/** The code a first visit starts with (the seed's first example). */
export const WELCOME_CODE = `def fibonacci(n):
    if n <= 1:
        return n
    return fibonacci(n - 1) + fibonacci(n - 2)

print([fibonacci(i) for i in range(10)])
`;

/** Reads the last code typed on this device. */
export function loadSavedCode(storage: Pick<Storage, 'getItem'> | null): string {
  try {
    return storage?.getItem(CODE_KEY) ?? WELCOME_CODE;
  } catch {
    return WELCOME_CODE;
  }
}

let saveTimer: ReturnType<typeof setTimeout> | null = null;

/** Editor slice: the code, saved to localStorage shortly after every change. */
export const createEditorSlice =
  (storage: Pick<Storage, 'getItem' | 'setItem'> | null, ruff: Pick<RuffClient, 'format'> = ruffClient): SliceCreator<EditorSlice> =>
  (set, get) => ({
    code: loadSavedCode(storage),
    setCode(code) {
      set({ code });
      if (!storage) return;
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = setTimeout(() => {
        try {
          storage.setItem(CODE_KEY, code);
        } catch {
          // Storage full or denied: the code stays in memory.
        }
      }, 300);
    },
    async formatCode(options = {}) {
      const { code, activePath, settings } = get();
      let problem: string;
      try {
        const formatted = await ruff.format(code, ruffOptions(settings, projectFiles(get())).options);
        // Typing went on while Ruff worked: what was typed wins.
        if (get().code !== code || get().activePath !== activePath) return 'The code changed while it was being formatted; format again.';
        if (formatted !== code) get().setCode(formatted);
        return null;
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        problem = `Could not format ${activePath}: ${why}. ${/pars|EOF|expected/i.test(why) ? 'Fix the syntax first.' : "Check the lint settings or the project's ruff.toml."}`;
      }
      if (!options.quiet) get().appendEntry('notice', problem);
      return problem;
    },
  });

/** Writes the code now (before a run, and when the page is hidden). */
export function flushSavedCode(storage: Pick<Storage, 'setItem'> | null, code: string): void {
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = null;
  try {
    storage?.setItem(CODE_KEY, code);
  } catch {
    // see above
  }
}
