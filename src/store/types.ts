import type { Engine, EngineStatus } from '../engine/createEngine.ts';
import type { ExecutionResult, ImportReport, InstallReport, OutputChunk } from '../protocol/protocol.ts';
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

/** Packages slice: dependency analysis of the editor's code and installs. */
export interface PackagesSlice {
  dependencies: ImportReport[] | null;
  packagesBusy: 'analyzing' | 'installing' | null;
  packagesError: string | null;
  lastInstall: InstallReport | null;
  /** Load imported packages before each run (on by default). */
  autoLoadPackages: boolean;
  analyzeDependencies(): Promise<void>;
  /** Loads every package the analysis found available but not loaded. */
  installNeeded(): Promise<void>;
  setAutoLoadPackages(on: boolean): void;
}

/** The whole store. */
export type AppState = EngineSlice & EditorSlice & OutputSlice & RunSlice & SettingsSlice & PackagesSlice;

/** zustand's set/get for a slice creator. */
export type SliceCreator<T> = (
  set: (partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void,
  get: () => AppState,
) => T;
