import type { VariablesSlice } from './variablesTypes.ts';
import type { DebugSlice } from './debugTypes.ts';
import type { Breakpoint } from '../protocol/debug.ts';
import type { DeclaredDependencies } from '../protocol/calls.ts';
import type { SandboxCapabilities } from '../protocol/capabilities.ts';
import type { Downloads } from './downloads.ts';
import type { PackageSources } from '../config/packageSources.ts';
import type { Engine, EngineStatus } from '../engine/engine.ts';
import type { FilesSlice, TestsSlice } from './projectTypes.ts';
import type { DisplayData, DownloadTick, ExecutionResult, ImportReport, InstallReport, OutputChunk } from '../protocol/results.ts';
import type { Settings, SettingsCheck, SettingsInput } from '../config/settings.ts';
import type { ValidationReport } from '../protocol/policy.ts';
import type { ChatSlice } from './chatTypes.ts';
import type { LayoutSlice } from './layoutTypes.ts';
export type { CompactView, LayoutSlice, PanelTab, ThemePreference } from './layoutTypes.ts';

export type { FilesSlice, TestsSlice } from './projectTypes.ts';
import type { MonitorSlice } from './monitorTypes.ts';
export type { MonitorSlice } from './monitorTypes.ts';
import type { SessionsSlice } from './sessionTypes.ts';
import type { StorageSlice } from './storageTypes.ts';
export type { StorageAccess, StorageProblem, StorageReport, StorageSlice } from './storageTypes.ts';
export type { SessionMeta, SessionOrigin, SessionRecord, SessionsSlice } from './sessionTypes.ts';
export type { ChatMessage, ChatPart, ChatSlice, ChatToolCall } from './chatTypes.ts';

/** One block in the console. */
export interface ConsoleEntry {
  id: number;
  /** `display`: a rich output (image, table, ...); `stdin`: a line the user typed, echoed. */
  kind: 'stdout' | 'stderr' | 'value' | 'error' | 'notice' | 'run' | 'display' | 'stdin';
  /** For a display: its text/plain form. */
  text: string;
  /** The mime bundle of a `display` entry. */
  display?: DisplayData;
  /** Characters of this block that scrolled away (its text starts with the marker then). */
  dropped?: number;
}

/** Engine slice: the interpreter's state. */
export interface EngineSlice {
  engine: Engine | null;
  status: EngineStatus;
  /** What the sandbox can do in this browser (null until its frame has said). */
  capabilities: SandboxCapabilities | null;
  /** The user closed the notice about reduced capabilities. */
  capabilityNoticeClosed: boolean;
  closeCapabilityNotice(): void;
  attachEngine(engine: Engine): void;
}

/** Editor slice: what the editor does to the active file (its text is the files slice's `code`). */
export interface EditorSlice {
  /**
   * Formats the active file with Ruff (the project's ruff.toml or pyproject.toml, else the settings).
   * Null when it was formatted (or already was), else why not; `quiet` keeps the reason out of the console.
   */
  formatCode(options?: { quiet?: boolean }): Promise<string | null>;
}

/** Output slice: the console. */
export interface OutputSlice {
  entries: ConsoleEntry[];
  appendOutput(chunks: OutputChunk[]): void;
  appendEntry(kind: ConsoleEntry['kind'], text: string): void;
  /** Adds a rich output block. */
  appendDisplay(display: DisplayData): void;
  clearOutput(): void;
}

/** Input slice: the program's standard input, typed in the console or pre-filled. */
export interface InputSlice {
  /** True while the running program waits for a line. */
  awaitingInput: boolean;
  /** Pre-filled standard input (used when `stdinEnabled`). */
  stdinText: string;
  /** Runs read `stdinText` instead of asking in the console. */
  stdinEnabled: boolean;
  /** Time spent waiting for the user counts toward the timeout. */
  inputCountsTowardTimeout: boolean;
  updateStdinSettings(change: Partial<Pick<InputSlice, 'stdinText' | 'stdinEnabled' | 'inputCountsTowardTimeout'>>): void;
  /** Sends a line (or end of file: null) to the waiting program and echoes it in the console. */
  submitInput(text: string | null): void;
  /** What is typed in the input box and not sent yet: kept when the run ends, offered at the next prompt. */
  inputDraft: string;
  setInputDraft(text: string): void;
  /** The running program waits for a line (true), or no longer does. */
  setAwaitingInput(waiting: boolean): void;
}

/** Run slice: running code and the last result. */
export interface RunSlice {
  running: boolean;
  /** Finished runs since the page opened. */
  runCount: number;
  lastResult: ExecutionResult | null;
  /** Runs the editor's code; `extra` runs other code (a past run) as `filename`, or under the profiler. */
  runCode(extra?: {
    code?: string;
    filename?: string;
    profile?: boolean;
    /** Under the step debugger (see the debug slice). */
    debug?: { breakpoints: Breakpoint[]; test?: string };
  }): Promise<ExecutionResult | null>;
  stopRun(): void;
  resetInterpreter(): Promise<void>;
  /** A job that is not an editor run (tests, a batch) starts or ends: other runs wait while `running`. */
  setRunning(running: boolean): void;
  /** Runs made elsewhere (the agent's, a batch's steps) finished: the run footer shows `last` and counts them. */
  countRuns(last: ExecutionResult | null, count: number): void;
  /** A session switch: the last result belonged to the session that was open. */
  resetRunForSession(): void;
}

/** Settings slice: the whole ExecutorConfig (limits, safe-mode policy, tests, monitoring), validated and persisted. */
export interface SettingsSlice {
  settings: Settings;
  /** True when the settings are the user's (or the open session's) own; false while they follow the deployment's defaults. */
  settingsCustomized: boolean;
  settingsErrors: Partial<Record<keyof Settings, string>>;
  /** The deployment's defaults (GET /api/config), which the Default preset restores. */
  deploymentDefaults: Settings;
  presetError: string | null;
  /** Bumped when settings change from outside the form (a preset, the deployment's defaults): the form reloads. */
  settingsRevision: number;
  updateSettings(input: SettingsInput): SettingsCheck;
  applyPreset(name: string): { ok: true; settings: Settings } | { ok: false; error: string };
  /** Takes the deployment's ExecutorConfig (seed names); applied unless the user saved settings of their own. */
  setDeploymentDefaults(config: Record<string, unknown>): void;
  /** Applies an opened session's settings (null: the deployment's defaults, followed from then on). */
  applySessionSettings(settings: Settings | null): void;
}

/** Policy slice: validate_code's report on the editor's code. */
export interface PolicySlice {
  validation: ValidationReport | null;
  /** The code `validation` is about: when it is not the editor's code, the report is stale. */
  validatedCode: string | null;
  validationError: string | null;
  validateNow(): Promise<void>;
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
  /** Installs packages by name (index first, then PyPI when the deployment allows); results go to the console. */
  installPackages(names: string[]): Promise<void>;
  setAutoLoadPackages(on: boolean): void;
  /** Where packages come from (GET /api/config); null until known, or on a static host. */
  packageSources: PackageSources | null;
  setPackageSources(sources: PackageSources): void;
  /** The package files of the current (or last) download batch, with their bytes. */
  downloads: Downloads;
  recordDownload(tick: DownloadTick): void;
  /** An install made elsewhere (the agent's): shown like the panel's own. */
  setLastInstall(report: InstallReport): void;
  /** A session switch: the analysis and the last install belonged to the session that was open. */
  resetPackagesForSession(): void;
  /** What the project's root requirements.txt and pyproject.toml declare (null: neither file, or not read yet). */
  declared: DeclaredDependencies | null;
  /** Reads them again (the Packages tab does when they change); installs nothing. */
  readDeclared(): Promise<void>;
  /** Installs what they declare, as one install (the run itself never does). */
  installDeclared(): Promise<void>;
}

/** The whole store. */
export type AppState = EngineSlice &
  VariablesSlice &
  DebugSlice &
  EditorSlice &
  OutputSlice &
  RunSlice &
  SettingsSlice &
  PolicySlice &
  PackagesSlice &
  InputSlice &
  ChatSlice &
  FilesSlice &
  TestsSlice &
  MonitorSlice &
  SessionsSlice &
  StorageSlice &
  LayoutSlice;

/** zustand's set/get for a slice creator. */
export type SliceCreator<T> = (set: (partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void, get: () => AppState) => T;
