/**
 * The step debugger's messages (see `_executor/debugger.py`). A debug run is an ordinary run whose
 * options carry `debug`; when it stops at a line the worker sends 'debug-paused' and blocks until the
 * page sends a command. Requests while paused (variables, evaluate) carry a `requestId` and are
 * answered by 'debug-answer'; a `resume` command lets the program go on.
 */
import * as z from 'zod';
import { variableRowSchema, variablesPageSchema, variablesRequestSchema } from './variables.ts';

/** Longest condition or expression the debugger evaluates, in characters. */
export const MAX_EXPRESSION_CHARS = 10_000;
/** Breakpoints one run may carry. */
export const MAX_BREAKPOINTS = 1000;
/** Frames of the call stack sent with a pause (innermost first). */
export const MAX_STACK_FRAMES = 50;

/** A line the program stops at, in a project file; with a condition, only when it is true there. */
export const breakpointSchema = z.object({
  /** The project file's path, relative to the project's root ("main.py", "pkg/util.py"). */
  file: z.string().min(1).max(500),
  line: z.number().int().positive(),
  /** A Python expression evaluated in the line's frame; the program stops only when it is true. */
  condition: z.string().max(MAX_EXPRESSION_CHARS).nullable().optional(),
  /** Removed once hit: "run to cursor". */
  temporary: z.boolean().optional(),
});
/** A line the program stops at. */
export type Breakpoint = z.infer<typeof breakpointSchema>;

/** What a run under the debugger is given (the `debug` field of the run's options). */
export const debugOptionsSchema = z.object({
  breakpoints: z.array(breakpointSchema).max(MAX_BREAKPOINTS),
  /** Run this one pytest node id under the debugger instead of the code (the code is the test file's source). */
  test: z.string().min(1).max(2000).optional(),
  /** Also stop where an exception ends the program or fails the test, at the line that raised (post mortem). */
  stopOnFailure: z.boolean().optional(),
});
/** What a run under the debugger is given. */
export type DebugOptions = z.infer<typeof debugOptionsSchema>;

/** One frame of the paused program's call stack (only the project's own code is listed). */
export const stackFrameSchema = z.object({
  /** The function's qualified name, `<module>` for a file's top level. */
  name: z.string().max(500),
  file: z.string().max(500),
  line: z.number().int().nonnegative(),
});
/** One frame of the call stack. */
export type StackFrame = z.infer<typeof stackFrameSchema>;

/** Where and why the program stopped, with the innermost frame's local names. */
export const debugPauseSchema = z.object({
  /**
   * `condition-error`: a breakpoint's condition raised (`message` says what), so the program stopped there.
   * `exception`: an exception ended the program or failed the test (`message` is it); stepping from here continues.
   */
  reason: z.enum(['breakpoint', 'step', 'condition-error', 'exception']),
  message: z.string().max(2000).nullable(),
  file: z.string().max(500),
  line: z.number().int().nonnegative(),
  /** Innermost first; at most {@link MAX_STACK_FRAMES}. */
  frames: z.array(stackFrameSchema).max(MAX_STACK_FRAMES),
  /** The first page of the innermost frame's locals. */
  locals: variablesPageSchema,
});
/** Where and why the program stopped. */
export type DebugPause = z.infer<typeof debugPauseSchema>;

/** How a paused program goes on. */
export const resumeActionSchema = z.enum(['continue', 'step-over', 'step-into', 'step-out']);
/** How a paused program goes on. */
export type ResumeAction = z.infer<typeof resumeActionSchema>;

/** Which names of a frame: its locals or its module's globals. */
export const frameScopeSchema = z.enum(['locals', 'globals']);
/** Which names of a frame. */
export type FrameScope = z.infer<typeof frameScopeSchema>;

/** A command to the paused program. */
export const debugCommandSchema = z.discriminatedUnion('kind', [
  /** Go on; the breakpoints replace the run's (they may have changed while paused). */
  z.object({ kind: z.literal('resume'), action: resumeActionSchema, breakpoints: z.array(breakpointSchema).max(MAX_BREAKPOINTS) }),
  /** A page of a frame's names, or of a value's parts (as the Variables tab's requests). */
  z.object({
    kind: z.literal('variables'),
    requestId: z.number().int(),
    frame: z.number().int().nonnegative(),
    scope: frameScopeSchema,
    request: variablesRequestSchema,
  }),
  /** Evaluates an expression (or runs a statement) in a frame, with a time limit. */
  z.object({
    kind: z.literal('evaluate'),
    requestId: z.number().int(),
    frame: z.number().int().nonnegative(),
    expression: z.string().min(1).max(MAX_EXPRESSION_CHARS),
  }),
]);
/** A command to the paused program. */
export type DebugCommand = z.infer<typeof debugCommandSchema>;
/** A command that asks for an answer. */
export type DebugRequest = Exclude<DebugCommand, { kind: 'resume' }>;

/** The answer to a variables or evaluate request: a page of rows, or the expression's value as one row. */
export const debugAnswerSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.union([variablesPageSchema, variableRowSchema]) }),
  z.object({ ok: z.literal(false), error: z.string().max(5000) }),
]);
/** The answer to a variables or evaluate request. */
export type DebugAnswer = z.infer<typeof debugAnswerSchema>;

/** Size of the shared mailbox through which a paused worker gets its commands, in bytes. */
export const DEBUG_MAILBOX_BYTES = 2 ** 20;
/** What the frame writes into the mailbox before it interrupts guarded code that ran too long. */
export const DEBUG_TIMEOUT_MARK = '\u0000timeout';
/** How often the frame looks whether a guarded call of a debug run is past its deadline, in milliseconds. */
export const GUARD_POLL_MS = 100;
