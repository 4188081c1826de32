/**
 * Types shared by the agent's tools, the LLM loop and the offline assistant.
 * Plain TypeScript: the UI renders these, the agent never imports the UI.
 */
import type { DebugDriver } from '../engine/debugDriver.ts';
import type { Engine } from '../engine/engine.ts';
import type { DisplayData, ExecutionResult, InstallReport, RunOptions } from '../protocol/results.ts';
import type { TestParallelism, TestResult } from '../protocol/testProtocol.ts';
import type { ProjectAccess } from './projectAccess.ts';

/** What a tool call produced: `summary` is one line for people, `data` the structured result (sent to the model as JSON). */
export interface ToolOutcome<D = unknown> {
  ok: boolean;
  summary: string;
  data: D;
  /** What only the card shows, never the model: the images a run produced (the model gets their type and size in `data`). */
  view?: { displays: DisplayData[] };
}

/**
 * The engine methods tools call: the page's engine, or a headless session's (server/headless), which has no
 * batch runs.
 */
export type ToolEngine = Pick<
  Engine,
  'execute' | 'runTests' | 'handleError' | 'install' | 'profileCode' | 'validateCode' | 'analyzeDependencies'
> &
  Partial<Pick<Engine, 'executeBatch'>>;

/** What tools may use. Tools act through the engine (and these hooks), never the worker. */
export interface ToolContext {
  engine: ToolEngine;
  /** The user's current limits (timeout, memory, output), as run options. */
  runOptions(): Partial<RunOptions>;
  /** The last finished run of the editor or of a tool, for handle_error. */
  lastResult(): ExecutionResult | null;
  /** Called with every result a tool's run produced (so "explain the last error" can find it). */
  recordResult(result: ExecutionResult): void;
  /** Called with every test run a tool made (the Tests panel and the editor's markers show it). */
  recordTestResult(result: TestResult): void;
  /** Called with every install a tool made (the session keeps the packages, to load them again). */
  recordInstall(report: InstallReport): void;
  /** The code in the editor (for "check my code"). */
  editorCode(): string;
  /** The project's files (run_tests and the file tools); null where there is no project. */
  project: ProjectAccess | null;
  /** The user's test settings: PYTEST_ARGS, COVERAGE_THRESHOLD and how many interpreters a run may use. */
  testOptions(): TestDefaults;
  /** The step debugger driven one call at a time (the debug tools); absent where runs cannot be debugged. */
  debugger?: DebugDriver | null;
}

/** The test settings run_tests starts from. */
export interface TestDefaults {
  pytestArgs: readonly string[];
  coverageThreshold: number;
  /** Interpreters to split a run across (default: the engine's, `auto`). */
  parallel?: TestParallelism;
}

/** Something the agent reports while it works; the chat pane renders these as they come. */
export type AgentEvent =
  | { type: 'text'; delta: string }
  | { type: 'tool-start'; id: string; name: string; args: unknown }
  | { type: 'tool-end'; id: string; name: string; outcome: ToolOutcome }
  /** A question with one button per answer; a button sends its `message` as the user's next message. */
  | { type: 'choices'; question: string; options: Array<{ label: string; message: string }> };

/** Receives {@link AgentEvent}s. */
export type AgentEventSink = (event: AgentEvent) => void;
