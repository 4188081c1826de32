import { PANEL_TABS, type LayoutSlice, type PanelTab, type ThemePreference } from './layoutTypes.ts';
import type { SliceCreator } from './types.ts';

const PREFS_KEY = 'executor.layout.v1';

interface LayoutPrefs {
  panelTab: PanelTab;
  themePreference: ThemePreference;
  filesOpen: boolean;
  chatOpen: boolean;
}

const DEFAULTS: LayoutPrefs = { panelTab: 'console', themePreference: 'system', filesOpen: true, chatOpen: true };

/** Reads the saved layout choices, ignoring anything malformed field by field. */
export function loadLayoutPrefs(storage: Pick<Storage, 'getItem'> | null): LayoutPrefs {
  try {
    const raw = JSON.parse(storage?.getItem(PREFS_KEY) ?? 'null') as Partial<Record<keyof LayoutPrefs, unknown>> | null;
    if (!raw || typeof raw !== 'object') return DEFAULTS;
    return {
      panelTab: PANEL_TABS.includes(raw.panelTab as PanelTab) ? (raw.panelTab as PanelTab) : DEFAULTS.panelTab,
      themePreference: raw.themePreference === 'light' || raw.themePreference === 'dark' ? raw.themePreference : 'system',
      filesOpen: typeof raw.filesOpen === 'boolean' ? raw.filesOpen : DEFAULTS.filesOpen,
      chatOpen: typeof raw.chatOpen === 'boolean' ? raw.chatOpen : DEFAULTS.chatOpen,
    };
  } catch {
    return DEFAULTS;
  }
}

/** Layout slice: panel tabs, narrow-screen views, dialogs and theme; the choices are kept in localStorage. */
export const createLayoutSlice =
  (storage: Pick<Storage, 'getItem' | 'setItem'> | null): SliceCreator<LayoutSlice> =>
  (set, get) => {
    const save = () => {
      const { panelTab, themePreference, filesOpen, chatOpen } = get();
      try {
        storage?.setItem(PREFS_KEY, JSON.stringify({ panelTab, themePreference, filesOpen, chatOpen }));
      } catch {
        // storage full or denied: the choice holds for this page
      }
    };
    return {
      ...loadLayoutPrefs(storage),
      compactView: 'editor',
      settingsOpen: false,
      shortcutsOpen: false,
      showPanel(tab, options = {}) {
        set(options.keepView ? { panelTab: tab } : { panelTab: tab, compactView: 'output' });
        save();
      },
      setCompactView(view) {
        set({ compactView: view });
      },
      setSettingsOpen(open) {
        set({ settingsOpen: open });
      },
      setShortcutsOpen(open) {
        set({ shortcutsOpen: open });
      },
      toggleTheme(current) {
        set({ themePreference: current === 'dark' ? 'light' : 'dark' });
        save();
      },
      setPaneOpen(pane, open) {
        set(pane === 'files' ? { filesOpen: open } : { chatOpen: open });
        save();
      },
      resetLayout() {
        set({ ...DEFAULTS, compactView: 'editor', settingsOpen: false, shortcutsOpen: false });
        save();
      },
    };
  };
