import type { StoreApi } from 'zustand/vanilla';
import type { AppState } from '../store/types.ts';
import type { ResumeAction } from '../protocol/debug.ts';

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
  debug: 'debug',
  debugContinue: 'debug-continue',
  debugStepOver: 'debug-step-over',
  debugStepInto: 'debug-step-into',
  debugStepOut: 'debug-step-out',
} as const;
/** Ids of the registered commands. */
export type CommandId = (typeof CommandId)[keyof typeof CommandId];

/** A key combination: `key` as KeyboardEvent.key names it. */
export interface Shortcut {
  key: string;
  /** Ctrl on Windows and Linux, Cmd on macOS. */
  primary?: boolean;
  /** With Shift (when absent, Shift does not matter). */
  shift?: boolean;
}

/** "Ctrl/Cmd+Enter", "Escape". */
export function shortcutLabel(s: Shortcut): string {
  return `${s.primary ? 'Ctrl/Cmd+' : ''}${s.shift ? 'Shift+' : ''}${s.key}`;
}

/** Whether a key event is this shortcut. */
export function matchesShortcut(s: Shortcut, e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  if (s.shift !== undefined && s.shift !== e.shiftKey) return false;
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
  /** Where its button is: the main toolbar (default) or the Debug panel's. */
  placement?: 'toolbar' | 'debug';
  /** Why it cannot be used at all here (its button's tooltip then), or null. */
  unavailable?(state: AppState): string | null;
}

/** Why the debugger cannot run in this browser, or null when it can. */
export function debuggerUnavailable(s: AppState): string | null {
  return s.capabilities?.sharedMemory === false
    ? 'The debugger needs SharedArrayBuffer to hold a program at a line, and this browser does not give it to the page (the notice under the top bar says why).'
    : null;
}

const ready = (s: AppState) => s.engine !== null && s.status.state !== 'failed';
const paused = (s: AppState) => s.debugPause !== null;

/** A command that lets the paused program go on: its button is in the Debug tab. */
function stepCommand(id: CommandId, action: ResumeAction, label: string, title: string, shortcut: Shortcut): Command {
  return { id, label, title, shortcut, isEnabled: paused, execute: (store) => store.getState().resumeDebug(action), placement: 'debug' };
}

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
    id: CommandId.debug,
    label: 'Debug',
    title: 'Run the code under the debugger: it stops at the breakpoints set in the gutter (F5; F5 again continues)',
    shortcut: { key: 'F5', shift: false },
    isEnabled: (s) => ready(s) && debuggerUnavailable(s) === null && (!s.running || paused(s)),
    unavailable: debuggerUnavailable,
    execute: (store) => {
      const s = store.getState();
      return paused(s) ? s.resumeDebug('continue') : s.debugCode();
    },
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
  stepCommand(CommandId.debugContinue, 'continue', 'Continue', 'Continue to the next breakpoint (F8, or F5)', { key: 'F8' }),
  stepCommand(CommandId.debugStepOver, 'step-over', 'Step over', 'Run the current line and stop at the next one in this function (F10)', {
    key: 'F10',
  }),
  stepCommand(
    CommandId.debugStepInto,
    'step-into',
    'Step into',
    'Stop at the next line that runs, inside a function the line calls (F11)',
    {
      key: 'F11',
      shift: false,
    },
  ),
  stepCommand(CommandId.debugStepOut, 'step-out', 'Step out', 'Run until this function returns, and stop in its caller (Shift+F11)', {
    key: 'F11',
    shift: true,
  }),
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
