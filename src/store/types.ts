import type { Engine, EngineStatus } from '../engine/createEngine.ts';
import type { ExecutionResult, OutputChunk } from '../protocol/protocol.ts';
import type { Settings, SettingsCheck } from './settings.ts';

/** One block in the console. */
export interface ConsoleEntry {
  id: number;
  kind: 'stdout' | 'stderr' | 'value' | 'error' | 'notice' | 'run';
  text: string;
}

/** Engine slice: the interpreter's state. */
export interface EngineSlice {
  engine: Engine | null;
  status: EngineStatus;
  attachEngine(engine: Engine): void;
}

/** Editor slice: the code being edited. */
export interface EditorSlice {
  code: string;
  setCode(code: string): void;
}

/** Output slice: the console. */
export interface OutputSlice {
  entries: ConsoleEntry[];
  appendOutput(chunks: OutputChunk[]): void;
  appendEntry(kind: ConsoleEntry['kind'], text: string): void;
  clearOutput(): void;
}

/** Run slice: running code and the last result. */
export interface RunSlice {
  running: boolean;
  /** Finished runs since the page opened. */
  runCount: number;
  lastResult: ExecutionResult | null;
  runCode(): Promise<ExecutionResult | null>;
  stopRun(): void;
  resetInterpreter(): Promise<void>;
}

/** Settings slice: run limits, validated and persisted. */
export interface SettingsSlice {
  settings: Settings;
  settingsErrors: Partial<Record<keyof Settings, string>>;
  updateSettings(input: Record<keyof Settings, unknown>): SettingsCheck;
}

/** The whole store. */
export type AppState = EngineSlice & EditorSlice & OutputSlice & RunSlice & SettingsSlice;

/** zustand's set/get for a slice creator. */
export type SliceCreator<T> = (
  set: (partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void,
  get: () => AppState,
) => T;
