import type { StoreApi } from 'zustand/vanilla';
import type { AppState } from '../store/types.ts';

/**
 * Ids of the registered commands. Each id is also its toolbar button's stable
 * data-testid, a contract with the tests: 'run', 'stop', 'profile', 'run-all', 'tests-run', 'clear', 'reset', 'format'.
 */
export const CommandId = {
  run: 'run',
  profile: 'profile',
  runAll: 'run-all',
  runTests: 'tests-run',
  stop: 'stop',
  clear: 'clear',
  reset: 'reset',
  format: 'format',
} as const;
/** Ids of the registered commands. */
export type CommandId = (typeof CommandId)[keyof typeof CommandId];

/** A key combination: `key` as KeyboardEvent.key names it. */
export interface Shortcut {
  key: string;
  /** Ctrl on Windows and Linux, Cmd on macOS. */
  primary?: boolean;
}

/** "Ctrl/Cmd+Enter", "Escape". */
export function shortcutLabel(s: Shortcut): string {
  return `${s.primary ? 'Ctrl/Cmd+' : ''}${s.key}`;
}

/** Whether a key event is this shortcut. */
export function matchesShortcut(s: Shortcut, e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  return e.key === s.key && Boolean(s.primary) === (e.ctrlKey || e.metaKey) && !e.altKey;
}

/**
 * An action the user (toolbar, keyboard) or the agent can take. One object per
 * action, so every entry point behaves the same (after excalidraw's actions).
 */
export interface Command {
  id: CommandId;
  label: string;
  /** Tooltip, including the shortcut when there is one. */
  title: string;
  /** The key that runs the command anywhere on the page (with Ctrl/Cmd when `primary`). */
  shortcut?: Shortcut;
  isEnabled(state: AppState): boolean;
  execute(store: StoreApi<AppState>): Promise<unknown> | void;
}

const ready = (s: AppState) => s.engine !== null && s.status.state !== 'failed';

/** Every command, in toolbar order. */
export const commands: readonly Command[] = [
  {
    id: CommandId.run,
    label: 'Run',
    title: 'Run the code (Ctrl/Cmd+Enter)',
    shortcut: { key: 'Enter', primary: true },
    isEnabled: (s) => ready(s) && !s.running,
    execute: (store) => store.getState().runCode(),
  },
  {
    id: CommandId.profile,
    label: 'Profile',
    title: 'Run the code under the profiler and show where the time goes (ENABLE_PROFILING)',
    isEnabled: (s) => ready(s) && !s.running && s.settings.enableProfiling,
    execute: (store) => store.getState().profileCode(),
  },
  {
    id: CommandId.runAll,
    label: 'Run all',
    title: 'Run the selected project files in order, each as __main__ (choose them and their order under Run all)',
    isEnabled: (s) => ready(s) && !s.running && s.projectLoaded,
    execute: (store) => store.getState().runAll(),
  },
  {
    id: CommandId.runTests,
    label: 'Run tests',
    title: "Run the project's tests with pytest (and coverage)",
    isEnabled: (s) => ready(s) && !s.running && s.projectLoaded,
    execute: (store) => store.getState().runTests(),
  },
  {
    id: CommandId.stop,
    label: 'Stop',
    title: 'Stop the running program (Escape)',
    shortcut: { key: 'Escape' },
    isEnabled: (s) => s.running,
    execute: (store) => store.getState().stopRun(),
  },
  {
    id: CommandId.format,
    label: 'Format',
    title: 'Format the file with Ruff (Shift+Alt+F in the editor)',
    isEnabled: (s) => s.code.trim() !== '',
    execute: (store) => store.getState().formatCode(),
  },
  {
    id: CommandId.clear,
    label: 'Clear',
    title: 'Clear the console',
    isEnabled: (s) => s.entries.length > 0,
    execute: (store) => store.getState().clearOutput(),
  },
  {
    id: CommandId.reset,
    label: 'Restart',
    title: 'Restart Python: a fresh interpreter (variables are lost)',
    isEnabled: (s) => ready(s) && !s.running,
    execute: (store) => store.getState().resetInterpreter(),
  },
];

/** Looks a command up by id. */
export function getCommand(id: CommandId): Command {
  const found = commands.find((c) => c.id === id);
  if (!found) throw new Error(`Unknown command ${id}`);
  return found;
}

/** Runs a command when it is enabled; returns whether it ran. */
export function runCommand(id: CommandId, store: StoreApi<AppState>): boolean {
  const command = getCommand(id);
  if (!command.isEnabled(store.getState())) return false;
  void command.execute(store);
  return true;
}
