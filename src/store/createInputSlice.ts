import type { InputSlice, SliceCreator } from './types.ts';

const STORAGE_KEY = 'executor.stdin.v1';

type Saved = Pick<InputSlice, 'stdinText' | 'stdinEnabled' | 'inputCountsTowardTimeout'>;

const DEFAULTS: Saved = { stdinText: '', stdinEnabled: false, inputCountsTowardTimeout: false };

/** Reads the saved stdin settings; anything missing or malformed falls back to the defaults. */
export function loadStdinSettings(storage: Pick<Storage, 'getItem'> | null): Saved {
  try {
    const saved = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null') as Partial<Saved> | null;
    return {
      stdinText: typeof saved?.stdinText === 'string' ? saved.stdinText : DEFAULTS.stdinText,
      stdinEnabled: typeof saved?.stdinEnabled === 'boolean' ? saved.stdinEnabled : DEFAULTS.stdinEnabled,
      inputCountsTowardTimeout:
        typeof saved?.inputCountsTowardTimeout === 'boolean' ? saved.inputCountsTowardTimeout : DEFAULTS.inputCountsTowardTimeout,
    };
  } catch {
    return DEFAULTS;
  }
}

/** Input slice: interactive input for the running program, and pre-filled stdin kept in localStorage. */
export const createInputSlice =
  (storage: Pick<Storage, 'getItem' | 'setItem'> | null): SliceCreator<InputSlice> =>
  (set, get) => ({
    awaitingInput: false,
    inputDraft: '',
    setInputDraft: (inputDraft) => set({ inputDraft }),
    setAwaitingInput: (awaitingInput) => set({ awaitingInput }),
    ...loadStdinSettings(storage),
    updateStdinSettings(change) {
      set(change);
      const { stdinText, stdinEnabled, inputCountsTowardTimeout } = get();
      try {
        storage?.setItem(STORAGE_KEY, JSON.stringify({ stdinText, stdinEnabled, inputCountsTowardTimeout }));
      } catch {
        // Storage denied or full: the settings still apply for this visit.
      }
    },
    submitInput(text) {
      const { engine, awaitingInput, appendEntry } = get();
      if (!engine || !awaitingInput) return;
      set({ awaitingInput: false, inputDraft: '' });
      appendEntry('stdin', text === null ? '^D\n' : `${text}\n`);
      engine.sendInput(text);
    },
  });
