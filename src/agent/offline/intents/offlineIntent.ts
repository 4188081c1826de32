import type { AgentTool } from '../../tools/defineTool.ts';
import type { ToolContext, ToolOutcome } from '../../types.ts';
import type { ProjectFile } from '../../../protocol/testProtocol.ts';

/** One thing the offline assistant will do, with one tool call (two for dependencies with install). */
export type OfflineStep =
  | { kind: 'run'; code: string }
  | { kind: 'run-editor' }
  /** A project file, run as __main__ with the project around it. */
  | { kind: 'run-file'; path: string }
  /** Project files in order, each as __main__, with a combined result (execute_batch). */
  | { kind: 'batch'; paths: string[] }
  /** Profile the code block, a project file, or (both null) the file open in the editor. */
  | { kind: 'profile'; code: string | null; path: string | null }
  /** `path`: a file, folder or node id as the user wrote it; null for every test. */
  | { kind: 'tests'; path: string | null; coverage: boolean; code: string | null }
  | { kind: 'files' }
  | { kind: 'read'; path: string }
  | { kind: 'write'; path: string; code: string }
  /** Check the code block, a project file, or (both null) the editor's code. */
  | { kind: 'validate'; code: string | null; path: string | null }
  | { kind: 'dependencies'; code: string | null; install: boolean }
  | { kind: 'install'; packages: string[] }
  | { kind: 'explain' }
  /** Under the step debugger: the code block, a file, a test (a file, node id or bare test name), or the editor's code. */
  | { kind: 'debug'; code: string | null; target: string | null; stepThrough: boolean }
  | { kind: 'debug-step'; action: 'continue' | 'over' | 'into' | 'out' }
  | { kind: 'debug-evaluate'; expression: string }
  | { kind: 'debug-stop' }
  | { kind: 'demo'; topic: string }
  | { kind: 'help' }
  /** A request it could not read: the one thing it can do that comes closest, as a message to send. */
  | { kind: 'suggest'; label: string; message: string };

/** A word pattern that points at a reading, and its weight. */
export type Feature = readonly [RegExp, number];

/** A clause, read one way, with what it names. */
export interface StepInput {
  clause: string;
  /** The message's code block, if it has one. */
  code: string | null;
  /** The file the clause is about (named, or "it" for the last one named). */
  path: string | null;
  /** Every path the clause names. */
  paths: string[];
}

/** What a step has while it runs: the tools, the project, the conversation's memory, and the reply. */
export interface OfflineTurn {
  tools: readonly AgentTool[];
  ctx: ToolContext;
  /** The project's files. */
  files: readonly ProjectFile[];
  /** The code the assistant last ran or profiled (for follow-ups). */
  memory: { lastCode: string | null };
  /** Whether tool cards show the results (the chat pane) or the reply must carry them. */
  cards: boolean;
  /** Calls a tool by name (shown as a card); null when there is no such tool here. */
  call(name: string, args: Record<string, unknown>): Promise<ToolOutcome | null>;
  /** Adds a paragraph to the reply. */
  say(text: string): void;
  /** Says that `what` is not available here. */
  missing(what: string): void;
}

/**
 * One reading of a request, everything about it in one place: the words that point at it, the step it makes
 * of a clause, its label in a question, how it folds a later step into its own, the files its steps need, and
 * how a step runs. The registry (registry.ts) lists them the way commands are registered.
 */
export interface OfflineIntent {
  readonly name: string;
  /** Words that point at this reading; a clause's score is the sum of the weights that match. */
  readonly features: readonly Feature[];
  /** The step kinds this reading's `run` carries out. */
  readonly kinds: ReadonlyArray<OfflineStep['kind']>;
  /** The button label when the assistant asks between two readings. */
  label(path: string | null): string;
  /** The step for a clause read this way. */
  step(input: StepInput): OfflineStep;
  /**
   * A later step that refines `last` (one of this reading's kinds) folds into it: the step to stand in
   * `last`'s place (`last` itself to drop the later one), or null to add it after.
   */
  merge?(last: OfflineStep, next: OfflineStep): OfflineStep | null;
  /** The project files a step needs (checked before anything runs). */
  paths?(step: OfflineStep): string[];
  /** Carries out a step; its one-line result for the summary, or null when nothing ran. */
  run(step: OfflineStep, turn: OfflineTurn): Promise<string | null>;
}
