import type * as z from 'zod';
import type { DisplayData } from '../../src/protocol/results.ts';
import type { ToolContext } from '../../src/agent/types.ts';
import type { EngineSession } from '../headless/createSessionPool.ts';
import type { HeadlessSettings } from '../headless/headlessSettings.ts';

/** What an MCP tool is given: its session (interpreter and files) and the server's settings. */
export interface McpToolContext {
  session: EngineSession;
  settings: HeadlessSettings;
}

/** What an MCP tool produced: one line for people, the structured result, and the run's images. */
export interface McpToolOutcome {
  ok: boolean;
  summary: string;
  /** More text for clients that show only text (output, traceback), after the summary. */
  details?: string;
  data: Record<string, unknown>;
  images?: DisplayData[];
  /** Files handed back whole (a binary file read_file read), as embedded blob resources. */
  resources?: Array<{ uri: string; mimeType: string; blob: string }>;
}

/** One MCP tool: a name, a description, a zod schema for its arguments and one engine call. */
export interface McpTool<S extends z.ZodObject = z.ZodObject> {
  name: string;
  title: string;
  description: string;
  schema: S;
  /** False for tools that only read (the MCP readOnlyHint). */
  readOnly?: boolean;
  /** True for tools that may replace or remove what the session had (the MCP destructiveHint). */
  destructive?: boolean;
  /**
   * The shape of a successful call's structured content (the MCP output schema; a call with `isError` is not held
   * to it). Loose objects: the keys clients can rely on, more may come.
   */
  output: z.ZodObject;
  /** True for tools that may be used while a debug run is paused; any other tool stops that run first. */
  keepsDebugRun?: boolean;
  run(args: z.infer<S>, ctx: McpToolContext): Promise<McpToolOutcome>;
}

/** Declares an MCP tool (keeps the argument type tied to the schema). */
export function defineMcpTool<S extends z.ZodObject>(tool: McpTool<S>): McpTool<S> {
  return tool;
}

/** The agent's tool context for a headless session, so MCP tools can share the agent's tools. */
export function agentToolContext({ session, settings }: McpToolContext): ToolContext {
  return {
    engine: session.engine,
    debugger: session.engine.debugger,
    runOptions: () => ({ ...settings.runOptions, policy: settings.policy, stdin: '', files: session.project.files() }),
    lastResult: () => session.lastResult,
    recordResult: (result) => (session.lastResult = result),
    recordTestResult: () => undefined,
    recordInstall: () => undefined,
    editorCode: () => '',
    project: session.project,
    testOptions: () => ({ pytestArgs: settings.config.PYTEST_ARGS, coverageThreshold: settings.config.COVERAGE_THRESHOLD }),
  };
}
