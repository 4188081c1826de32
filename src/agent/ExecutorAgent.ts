import type OpenAI from 'openai';
import { createDebugDriver } from '../engine/createDebugDriver.ts';
import type { Engine } from '../engine/engine.ts';
import type { ErrorAdvice } from '../engine/handleError.ts';
import { DEFAULT_COVERAGE_THRESHOLD, DEFAULT_PYTEST_ARGS } from '../engine/testDefaults.ts';
import type { ValidationReport } from '../protocol/policy.ts';
import type { ExecutionResult } from '../protocol/results.ts';
import type { ProjectFile, TestResult } from '../protocol/testProtocol.ts';
import { createAgentSession, type AgentSession } from './createAgentSession.ts';
import { createLlmClient } from './createLlmClient.ts';
import { detectAgentMode } from './detectAgentMode.ts';
import { createMemoryProject, type ProjectAccess } from './projectAccess.ts';
import { createToolbox } from './tools/createToolbox.ts';
import type { AgentEventSink, ToolContext } from './types.ts';
import { textOf } from '../project/fileContent.ts';

/** The seed's ExecutorConfig, in the units the engine uses. */
export interface ExecutorAgentConfig {
  /** Seconds (default 30). */
  timeout?: number;
  /** "512MB", "2GB" or a number of MB (default 512). */
  maxMemory?: string | number;
  /** Characters (default 10,000). */
  maxOutputLength?: number;
  /** Most model calls per chat message (default 8). */
  maxSteps?: number;
  /** 'auto' (ask the server), 'llm' or 'offline' (default 'auto'). */
  assistant?: 'auto' | 'llm' | 'offline';
  /** Access token for the chat proxy when the server requires one. */
  accessToken?: string;
}

/** Options of {@link ExecutorAgent}. */
export interface ExecutorAgentOptions {
  sessionId?: string;
  config?: ExecutorAgentConfig;
  /** Default: the page's engine (`window.executor.engine`). */
  engine?: Engine;
  /** A ready `openai` client (default: one pointed at this server's proxy). */
  client?: OpenAI;
  /** The project runTests and the file tools use (default: the page's project, `window.executor.project`). */
  project?: ProjectAccess;
  /** Without a page: the project's files, kept in memory (ignored when `project` is given). */
  files?: ProjectFile[];
}

/** Parses "512MB" / "2GB" / 512 into MB. */
export function memoryMB(value: string | number): number {
  if (typeof value === 'number') return value;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(MB|GB|M|G)?\s*$/i.exec(value);
  if (!m) throw new Error(`maxMemory must look like "512MB" or "2GB"; got "${value}".`);
  return Math.round(Number(m[1]) * (/^g/i.test(m[2] ?? 'MB') ? 1024 : 1));
}

/**
 * The seed's ExecutorAgent for front-end code: the same tools as the chat pane,
 * through the same engine. `chat()` uses the server's model when one is configured,
 * else the offline assistant.
 */
export class ExecutorAgent {
  readonly sessionId: string;
  readonly config: Required<Omit<ExecutorAgentConfig, 'accessToken'>> & { accessToken?: string };
  private readonly engine: Engine;
  private readonly client: OpenAI | undefined;
  /** The project's files, as runTests and the file tools see them. */
  readonly project: ProjectAccess;
  private session: Promise<AgentSession> | null = null;
  private last: ExecutionResult | null = null;

  constructor(options: ExecutorAgentOptions = {}) {
    const page = (globalThis as { executor?: { engine?: Engine; project?: ProjectAccess } }).executor;
    const engine = options.engine ?? page?.engine;
    if (!engine) throw new Error('ExecutorAgent needs an engine: pass { engine } or use it on the Executor page (window.executor.engine).');
    this.engine = engine;
    const own = options.project === undefined && (options.files !== undefined || page?.project === undefined);
    this.project = options.project ?? (options.files ? createMemoryProject(options.files) : (page?.project ?? createMemoryProject()));
    // A project of its own takes in what the runs write (the page's project is the page's store's to update).
    if (own) engine.on('filesChanged', (changes) => this.project.applyChanges(changes));
    this.client = options.client;
    this.sessionId = options.sessionId ?? `session-${Date.now().toString(36)}`;
    const c = options.config ?? {};
    this.config = {
      timeout: c.timeout ?? 30,
      maxMemory: c.maxMemory ?? '512MB',
      maxOutputLength: c.maxOutputLength ?? 10_000,
      maxSteps: c.maxSteps ?? 8,
      assistant: c.assistant ?? 'auto',
      ...(c.accessToken ? { accessToken: c.accessToken } : {}),
    };
    memoryMB(this.config.maxMemory); // a bad value fails here, not at the first run
  }

  /** Runs code (variables persist). With `safeMode`, code the safety policy refuses is not run (status 'security'). */
  async executeCode(
    code: string,
    options: { timeout?: number; maxMemory?: string | number; safeMode?: boolean } = {},
  ): Promise<ExecutionResult> {
    const policy = options.safeMode === undefined ? {} : { policy: { ...this.engine.policy, sandboxMode: options.safeMode } };
    const result = await this.engine.execute(code, { ...this.runOptions(options), ...policy });
    this.last = result;
    return result;
  }

  /**
   * Runs pytest on `path` (a test file, folder or node id of the project; '' for every test) with the seed's
   * PYTEST_ARGS plus `pytestArgs`, with coverage unless `coverage: false`, within this agent's limits.
   */
  async runTests(path: string, options: { coverage?: boolean; pytestArgs?: string[] } = {}): Promise<TestResult> {
    const files = this.project.files();
    if (files.length === 0)
      throw new Error(
        "runTests needs the project's files: use it on the Executor page, or pass { files: [{ path, content }] } (or { project }) to new ExecutorAgent().",
      );
    const { timeoutMs, maxMemoryMB, maxOutputChars } = this.runOptions({});
    return this.engine.runTests({
      files,
      paths: path.trim() ? [path.trim()] : [],
      args: [...DEFAULT_PYTEST_ARGS, ...(options.pytestArgs ?? [])],
      coverage: options.coverage ?? true,
      threshold: DEFAULT_COVERAGE_THRESHOLD,
      timeoutMs,
      maxMemoryMB,
      maxOutputChars,
    });
  }

  /** The safety policy's diagnostics for `code`; nothing runs. */
  validateCode(code: string): Promise<ValidationReport> {
    return this.engine.validateCode(code);
  }

  /** Suggestions for a failed run (default: the last one this agent ran). */
  handleError(result: ExecutionResult | null = this.last): Promise<ErrorAdvice | null> {
    return result ? this.engine.handleError(result, this.runOptions({})) : Promise.resolve(null);
  }

  /** Answers a chat message (running tools as needed) and returns the reply text. */
  async chat(message: string, onEvent?: AgentEventSink): Promise<string> {
    this.session ??= this.createSession();
    return (await this.session).send(message, onEvent);
  }

  private runOptions(o: { timeout?: number; maxMemory?: string | number }) {
    return {
      timeoutMs: Math.round((o.timeout ?? this.config.timeout) * 1000),
      maxMemoryMB: memoryMB(o.maxMemory ?? this.config.maxMemory),
      maxOutputChars: this.config.maxOutputLength,
      files: this.project.files(),
    };
  }

  private async createSession(): Promise<AgentSession> {
    const mode = this.config.assistant === 'auto' ? (await detectAgentMode()).kind : this.config.assistant;
    const ctx: ToolContext = {
      engine: this.engine,
      debugger: createDebugDriver(this.engine),
      runOptions: () => this.runOptions({}),
      lastResult: () => this.last,
      recordResult: (r) => (this.last = r),
      recordTestResult: () => undefined, // no Tests panel here: runTests() returns the result itself
      recordInstall: () => undefined,
      editorCode: () => textOf(this.project.files().find((f) => f.path === this.project.activePath())) ?? '',
      project: this.project,
      testOptions: () => ({ pytestArgs: DEFAULT_PYTEST_ARGS, coverageThreshold: DEFAULT_COVERAGE_THRESHOLD }),
    };
    const llm = mode === 'llm' ? { client: this.client ?? createLlmClient({ accessToken: this.config.accessToken ?? null }) } : null;
    // No chat pane here: the reply text carries the output that cards would show.
    return createAgentSession({ tools: createToolbox(ctx), ctx, llm, maxSteps: this.config.maxSteps, cards: false });
  }
}
