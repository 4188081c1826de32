import type { Engine } from '../engine/engine.ts';
import type { Breakpoint, DebugPause, FrameScope, ResumeAction } from '../protocol/debug.ts';
import type { ExecutionResult } from '../protocol/results.ts';
import type { VariableRow } from '../protocol/variables.ts';
import type { VariableChildren } from './variablesTypes.ts';

/** One watched expression and its value in the selected frame at the last pause. */
export interface DebugWatch {
  expression: string;
  result: VariableRow | null;
  error: string | null;
  loading: boolean;
}

/** Debug slice: breakpoints (kept with the session's project) and the paused program's stack and names. */
export interface DebugSlice {
  /** Shows the pauses of every debug run of `engine` (the editor's, and the agent's debug tools'). */
  bindDebugger(engine: Engine): void;
  /** Every breakpoint of the project, by file and line. */
  breakpoints: Breakpoint[];
  /** True while a run under the debugger is going on (paused or not). */
  debugging: boolean;
  /** Where the program is paused, or null while it runs (or no debug run is going on). */
  debugPause: DebugPause | null;
  /** The frame whose names are shown: 0 is the innermost. */
  debugFrame: number;
  /** The selected frame's names by key: the scope ('locals', 'globals') or a value's {@link debugKey}. */
  debugTree: Record<string, VariableChildren>;
  /** Keys of the values shown expanded. */
  debugExpanded: string[];
  /** Expressions evaluated in the selected frame, again at every pause (the newest last). */
  debugWatches: DebugWatch[];
  /** Adds or removes the breakpoint at a line. */
  toggleBreakpoint(file: string, line: number): void;
  /** The breakpoints of a project that was opened (a session's). */
  restoreBreakpoints(breakpoints: Breakpoint[]): void;
  /** Sets (or, with an empty text, clears) a breakpoint's condition; adds the breakpoint if there is none. */
  setBreakpointCondition(file: string, line: number, condition: string): void;
  removeBreakpoint(file: string, line: number): void;
  /** Runs the active file under the debugger; `toLine`: stop there once (run to cursor). */
  debugCode(options?: { toLine?: number }): Promise<ExecutionResult | null>;
  /** Runs one test (a pytest node id) under the debugger. */
  debugTest(nodeId: string): Promise<ExecutionResult | null>;
  /** The paused program goes on; `toLine`: it stops there once, in the active file (run to cursor). */
  resumeDebug(action: ResumeAction, options?: { toLine?: number }): void;
  /** Shows another frame's names. */
  selectDebugFrame(index: number): Promise<void>;
  /** Shows or hides a value's parts in the debugger's names. */
  toggleDebugVariable(key: string): Promise<void>;
  /** Evaluates an expression in the selected frame and keeps it as a watch. */
  addDebugWatch(expression: string): Promise<void>;
  removeDebugWatch(index: number): void;
}

/** The key of a value in a frame: its scope, its name and the indices of the parts leading to it. */
export function debugKey(scope: FrameScope, name: string, path: readonly number[] = []): string {
  return JSON.stringify([scope, name, ...path]);
}

/** The scope, name and path a key stands for. */
export function parseDebugKey(key: string): { scope: FrameScope; name: string; path: number[] } {
  const [scope, name, ...path] = JSON.parse(key) as [FrameScope, string, ...number[]];
  return { scope, name, path };
}
