import { runPolicyOf, validateConfig } from '../config/configSettings.ts';
import { presetSettings } from '../config/presets.ts';
import { DEFAULT_SETTINGS, loadSavedSettings, saveSettings, validateSettings, type Settings } from '../config/settings.ts';
import type { SettingsSlice, SliceCreator } from './types.ts';

/**
 * Settings slice: the whole ExecutorConfig, validated as a whole (nothing applied
 * half-way), kept in localStorage, with presets and the deployment's defaults.
 * Every applied change also goes to the engine as its safe-mode policy.
 */
export const createSettingsSlice =
  (storage: Pick<Storage, 'getItem' | 'setItem'> | null): SliceCreator<SettingsSlice> =>
  (set, get) => {
    const saved = storage ? loadSavedSettings(storage) : null;
    // The user's (or the open session's) own settings win over the deployment's defaults.
    const own = (customized: boolean) => set({ settingsCustomized: customized });
    const apply = (settings: Settings, extra: Partial<ReturnType<typeof get>> = {}) => {
      set({ settings, settingsErrors: {}, presetError: null, ...extra });
      get().engine?.setPolicy(runPolicyOf(settings));
    };
    const persist = (settings: Settings) => {
      try {
        if (storage) saveSettings(storage, settings);
      } catch {
        // Storage denied: settings still apply for this visit.
      }
    };
    return {
      settings: saved ?? DEFAULT_SETTINGS,
      settingsCustomized: saved !== null,
      settingsErrors: {},
      deploymentDefaults: DEFAULT_SETTINGS,
      presetError: null,
      settingsRevision: 0,
      updateSettings(input) {
        const check = validateSettings(input, get().settings);
        if (!check.ok) {
          set({ settingsErrors: check.errors });
          return check;
        }
        apply(check.settings);
        persist(check.settings);
        own(true);
        return check;
      },
      applyPreset(name) {
        const result = presetSettings(name, get().deploymentDefaults);
        if (!result.ok) {
          set({ presetError: result.error });
          return result;
        }
        apply(result.settings, { settingsRevision: get().settingsRevision + 1 });
        persist(result.settings);
        own(true);
        return result;
      },
      setDeploymentDefaults(config) {
        const check = validateConfig(config, DEFAULT_SETTINGS);
        if (!check.ok) return;
        set({ deploymentDefaults: check.settings });
        // The user's own saved settings win over the deployment's defaults.
        if (!get().settingsCustomized) apply(check.settings, { settingsRevision: get().settingsRevision + 1 });
      },
      applySessionSettings(settings) {
        apply(settings ?? get().deploymentDefaults, { settingsRevision: get().settingsRevision + 1 });
        if (settings) persist(settings);
        own(settings !== null);
      },
    };
  };
