/** The tabs of the panel area under the editor, in tab order. Each is `panel-tab-<name>` in the page. */
export const PANEL_TABS = [
  'console',
  'variables',
  'debug',
  'tests',
  'coverage',
  'profile',
  'batch',
  'history',
  'packages',
  'problems',
] as const;
/** A tab of the panel area. */
export type PanelTab = (typeof PANEL_TABS)[number];

/** The views of the one-column layout on narrow screens. */
export const COMPACT_VIEWS = ['files', 'editor', 'output', 'assistant'] as const;
/** A view of the one-column layout. */
export type CompactView = (typeof COMPACT_VIEWS)[number];

/** The user's theme choice: follow the system, or one of the two themes. */
export type ThemePreference = 'system' | 'light' | 'dark';

/** Layout slice: which panel tab and narrow-screen view show, the dialogs, the theme. Kept per device. */
export interface LayoutSlice {
  panelTab: PanelTab;
  /** Selects a panel tab; on a narrow screen also shows the Output view, unless `keepView` (the chat asked: it stays). */
  showPanel(tab: PanelTab, options?: { keepView?: boolean }): void;
  compactView: CompactView;
  setCompactView(view: CompactView): void;
  settingsOpen: boolean;
  setSettingsOpen(open: boolean): void;
  shortcutsOpen: boolean;
  setShortcutsOpen(open: boolean): void;
  themePreference: ThemePreference;
  /** Switches to the theme that is not showing (`current`: the theme in effect now). */
  toggleTheme(current: 'light' | 'dark'): void;
  /** The file tree and the assistant, shown or folded away (wide layout). */
  filesOpen: boolean;
  chatOpen: boolean;
  setPaneOpen(pane: 'files' | 'chat', open: boolean): void;
  /** Puts the tabs, panes, dialogs and theme back as a first visit shows them. */
  resetLayout(): void;
}
