/**
 * The engine's contract: the one API through which the UI, the agent, the test runner, the MCP server and the
 * benchmarks run Python. Its implementation is createEngine.ts; everything else imports only this file.
 */
import type {
  DisplayData,
  DownloadTick,
  EngineState,
  ExecutionResult,
  ImportReport,
  InstallReport,
  OutputChunk,
  RunOptions,
  RunSample,
} from '../protocol/results.ts';
import type { RunPolicy, ValidationReport } from '../protocol/policy.ts';
import type { FileChanges, TestParallelism, TestRecord, TestResult } from '../protocol/testProtocol.ts';
import type { Breakpoint, DebugPause, DebugRequest, ResumeAction } from '../protocol/debug.ts';
import type { VariablesPage, VariablesRequest, VariableRow } from '../protocol/variables.ts';
import type { LanguageQuery, LanguageResponse } from '../protocol/language.ts';
import type { ProjectFile } from '../protocol/testProtocol.ts';
import type { DeclaredDependencies } from '../protocol/calls.ts';
import type { SandboxCapabilities } from '../protocol/capabilities.ts';
import type { ProfileReport } from '../runs/parseProfile.ts';
import type { ExecutionMetrics } from '../runs/seedMetrics.ts';
import type { BatchInput, BatchOptions } from '../runs/runBatch.ts';
import type { BatchResult } from '../runs/summarizeBatch.ts';
import type { ErrorAdvice, RunLimits } from './handleError.ts';

/** Options of `engine.runTests`: everything but the files has a default. */
export interface TestRunOptions {
  /** The project: written into the test interpreters' working folder. */
  files: ProjectFile[];
  /** Files, folders or node ids; empty or absent for the whole project. */
  paths?: string[];
  /** pytest arguments (default PYTEST_ARGS: -v --tb=short). */
  args?: string[];
  /** Measure line and branch coverage (default true). */
  coverage?: boolean;
  /**
   * Interpreters to split the suite across; 1 runs serially. Default `auto`: one, unless the suite's last run here
   * was long enough for more to pay off, and at most the cores but one (see chooseInterpreters).
   */
  parallel?: TestParallelism;
  /** COVERAGE_THRESHOLD in percent (default 80). */
  threshold?: number;
  timeoutMs?: number;
  maxMemoryMB?: number;
  maxOutputChars?: number;
  /** Safe mode for the test files (default: the engine's policy). */
  policy?: RunPolicy;
  /** The session's packages, installed in each test interpreter first (default: the engine's, see setSessionPackages). */
  packages?: string[];
  /** Where installs from outside the index go (default: the engine's). */
  pypiIndex?: string | null;
  /** Called with the tests that finished, in the order they finished, a few times a second while the run goes on. */
  onRecords?: (records: TestRecord[]) => void;
}

/** A request to the paused program, without its id (the client gives one). */
export type FrameQuery = DebugRequest extends infer R ? (R extends { requestId: number } ? Omit<R, 'requestId'> : never) : never;

/** The seed's monitoring switches (ExecutorConfig.ENABLE_PROFILING, COLLECT_METRICS). */
export interface MonitoringOptions {
  enableProfiling: boolean;
  collectMetrics: boolean;
}

/** What `profileCode` resolves to: the run and, when it got far enough to measure, its profile. */
export interface ProfileOutcome {
  result: ExecutionResult;
  /** Null when nothing was measured (a syntax error, a refused or killed run). */
  profile: ProfileReport | null;
}

/** State of the interpreter with what the status line should say. */
export interface EngineStatus {
  state: EngineState;
  detail: string;
  progress: number | null;
  /** How the interpreter that serves runs started (known once it is ready). */
  boot?: 'snapshot' | 'normal';
}

/** What the engine tells its listeners. */
export interface EngineEvents {
  status: (status: EngineStatus) => void;
  output: (chunks: OutputChunk[], runId: number) => void;
  notice: (text: string, level: 'info' | 'warning') => void;
  /**
   * A run, test run, debug run, batch step or profile changed the working folder: what it created, changed and
   * deleted, before the run's result. The project takes it in (the page's store, a headless session's files).
   */
  filesChanged: (changes: FileChanges) => void;
  /** Bytes of a package file downloaded so far (installs, auto-loads before runs, test packages). */
  download: (tick: DownloadTick) => void;
  /** A rich output of the run, in order with its text output. */
  display: (display: DisplayData, runId: number) => void;
  /** The run waits for a line of input: answer with `sendInput`. */
  input: (runId: number) => void;
  /** A live reading of the running program's memory, a few times a second at most (with COLLECT_METRICS). */
  sample: (sample: RunSample, runId: number) => void;
  /** A run finished (editor, agent, profile and batch runs alike): what ran, how, and its result. */
  result: (run: { code: string; options: RunOptions; result: ExecutionResult }) => void;
  /** A debug run stopped at a line: look with `inspectFrame`, go on with `resumeDebug` (or `stop`). */
  paused: (pause: DebugPause, runId: number) => void;
  /** What the sandbox can do in this browser, as its frame found out (see `capabilities`). */
  capabilities: (capabilities: SandboxCapabilities) => void;
}

/**
 * The one API through which the UI, the agent, the test runner and the benchmarks
 * run Python. It owns the sandbox frame; nothing else talks to it.
 */
export interface Engine {
  readonly status: EngineStatus;
  /**
   * What the sandbox can do in this browser; null until its frame has said. Without shared memory
   * (`sharedMemory: false`, and `reason`), Stop and the time limit replace the interpreter, `input()` reads only
   * pre-filled input, and `debug` is refused.
   */
  readonly capabilities: SandboxCapabilities | null;
  /** Resolves once Python can run code. */
  whenReady(): Promise<void>;
  /** Runs code in the persistent namespace; runs are serialized. */
  execute(code: string, options?: Partial<RunOptions>): Promise<ExecutionResult>;
  /**
   * Runs code like `execute`, under the step debugger: it stops at `breakpoints` (project paths and lines,
   * optionally with a condition) and emits `paused`. With `test` (a pytest node id) that one test runs instead,
   * stopping in the test or the code under test (`code` is then the test file's source). Time spent paused does
   * not count toward the time limit. With `stopOnFailure` it also stops where an exception ends the program or
   * fails the test. A normal `execute` ignores breakpoints and pays nothing for the debugger.
   */
  debug(
    code: string,
    options: Partial<RunOptions> & { breakpoints: Breakpoint[]; test?: string; stopOnFailure?: boolean },
  ): Promise<ExecutionResult>;
  /** The paused program goes on (`continue`, `step-over`, `step-into`, `step-out`); `breakpoints` replace the run's. False when nothing is paused. */
  resumeDebug(action: ResumeAction, breakpoints: Breakpoint[]): boolean;
  /**
   * Asks the paused program: a page of a frame's locals or globals (`kind: 'variables'`), or the value of an
   * expression evaluated in a frame (`kind: 'evaluate'`, 2 s at most). Frame 0 is the innermost.
   */
  inspectFrame(query: FrameQuery): Promise<VariablesPage | VariableRow>;
  /** Stops the current run: interrupt first, kill after a grace period. */
  stop(): void;
  /**
   * Answers the current run's request for input with a line (without its newline),
   * or null for end of file (the program gets EOFError). Ignored when nothing waits.
   */
  sendInput(text: string | null): void;
  /** Gives a fresh interpreter; variables are gone. */
  reset(): Promise<void>;
  /** Where each top-level import of `code` comes from (the seed's dependency analysis). */
  analyzeDependencies(code: string): Promise<ImportReport[]>;
  /**
   * The seed's handle_error: structured suggestions for a failed run (did-you-mean over the names in scope,
   * install actions, the limit that was hit); null for a successful run. Works offline.
   */
  handleError(result: ExecutionResult, limits?: RunLimits): Promise<ErrorAdvice | null>;
  /**
   * Loads packages from the index (self-hosted, else the package CDN), and others from PyPI with micropip
   * when {@link setPypiIndex} allows; reports what loaded and what failed and why. In safe mode, packages
   * the policy does not allow are refused before any download.
   */
  install(packages: string[]): Promise<InstallReport>;
  /** Where installs of packages outside the index go: an index URL, 'pypi' for PyPI itself, or null (off, the default). */
  setPypiIndex(index: string | null): void;
  /**
   * The session's packages (install specs, in order): every new interpreter (after a Restart, a kill, a
   * time-limit replacement; each test interpreter) installs them before its first run, with one console line.
   */
  setSessionPackages(specs: readonly string[]): void;
  /**
   * What the project's root requirements.txt and pyproject.toml ([project] dependencies, requires-python)
   * declare, checked against the interpreter's Python; null when it has neither file. Installs nothing.
   */
  declaredDependencies(files: readonly ProjectFile[]): Promise<DeclaredDependencies | null>;
  /** The seed's validate_code: diagnostics for `code` under `policy` (default: the current policy); nothing is executed. */
  validateCode(code: string, policy?: RunPolicy): Promise<ValidationReport>;
  /**
   * The Variables tab: a page of the names the runs defined (`name` null), or of the parts of `name`
   * at `path` (indices of parts, level by level). Summaries are bounded in size and time.
   */
  listVariables(request: VariablesRequest): Promise<VariablesPage>;
  /**
   * The editor's questions (completions, hover, signatures, definitions), answered by Jedi in an
   * interpreter of the sandbox's own that never runs user code, so it answers while a program runs.
   * `files`: the project's other files. Knows the last run's names and their types.
   */
  language(query: LanguageQuery, files: readonly ProjectFile[]): Promise<LanguageResponse>;
  /** The safe-mode policy runs and installs use unless a run passes its own (default: the seed's, safe mode on). */
  readonly policy: RunPolicy;
  setPolicy(policy: RunPolicy): void;
  /**
   * The seed's run_tests: pytest on the project's files (in test interpreters of their own), with coverage
   * and optionally split across several interpreters. Obeys the time, memory and output limits; Stop stops it.
   */
  runTests(options: TestRunOptions): Promise<TestResult>;
  /** The node ids pytest discovers in `paths` (default: the whole project). */
  collectTests(
    paths: string[] | undefined,
    options: Pick<TestRunOptions, 'files' | 'args' | 'timeoutMs' | 'policy' | 'packages' | 'pypiIndex'>,
  ): Promise<string[]>;
  /**
   * The seed's profile_code: runs `code` like `execute` (same limits, same namespace) under cProfile and
   * reports the functions by own time (`topFunctions` / `top_functions`: name, file, line, calls, own and
   * cumulative ms, `percent` of the total) and the call tree. Throws when profiling is off (ENABLE_PROFILING).
   */
  profileCode(code: string, options?: Partial<RunOptions>): Promise<ProfileOutcome>;
  /**
   * The seed's execute_batch: runs code blocks (strings, or `{ name, code }` such as project files) in order,
   * each a timed run as `__main__` with its own result and metrics, and sums them up. `stopOnError` skips the
   * rest after a failure; `sharedState: false` gives each block a fresh namespace. Stop ends the batch.
   */
  executeBatch(blocks: BatchInput, options?: BatchOptions & { runOptions?: Partial<RunOptions> }): Promise<BatchResult>;
  /**
   * The seed's get_last_execution_metrics: the last run's metrics with the seed's names (`execution_time` s,
   * `memory_used` MB, `cpu_percent`) and the TypeScript ones; null before the first run or with COLLECT_METRICS off.
   */
  getLastExecutionMetrics(): ExecutionMetrics | null;
  /** ENABLE_PROFILING and COLLECT_METRICS (default: both on, as the seed's ExecutorConfig). */
  readonly monitoring: MonitoringOptions;
  setMonitoring(next: MonitoringOptions): void;
  on<K extends keyof EngineEvents>(event: K, listener: EngineEvents[K]): () => void;
  dispose(): void;
}
