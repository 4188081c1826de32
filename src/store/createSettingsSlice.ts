import { loadSettings, saveSettings, validateSettings } from './settings.ts';
import type { SettingsSlice, SliceCreator } from './types.ts';

/** Settings slice: limits validated as a whole (nothing applied half-way) and kept in localStorage. */
export const createSettingsSlice =
  (storage: Pick<Storage, 'getItem' | 'setItem'> | null): SliceCreator<SettingsSlice> =>
  (set) => ({
    settings: storage ? loadSettings(storage) : loadSettings({ getItem: () => null }),
    settingsErrors: {},
    updateSettings(input) {
      const check = validateSettings(input);
      if (!check.ok) {
        set({ settingsErrors: check.errors });
        return check;
      }
      set({ settings: check.settings, settingsErrors: {} });
      try {
        if (storage) saveSettings(storage, check.settings);
      } catch {
        // Storage denied: settings still apply for this visit.
      }
      return check;
    },
  });
