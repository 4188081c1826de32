import * as z from 'zod';

/**
 * Pieces of the MCP tools' output schemas that several tools share. Loose objects: they name what a client can rely
 * on and let a later version add keys without breaking it.
 */

/** A note the server adds to a call's structured content (the session was restarted, a limit was lowered, ...). */
export const notice = z.string().optional().describe('A note about the session, when there is one.');

/** A run's error, as Python raised it. */
export const runError = z
  .looseObject({ type: z.string(), message: z.string(), line: z.number().int().nullable() })
  .describe('The exception: its type, message and the line of the code that raised it.');

/** A run's measurements. */
export const runMetrics = z
  .looseObject({ wallMs: z.number(), cpuMs: z.number(), peakMemoryMB: z.number(), outputChars: z.number(), truncated: z.boolean() })
  .describe('Wall and CPU time in ms, peak memory in MB, characters of output and whether it was cut.');

/** Where a debug run stands after a debug tool: paused (where, stack, locals) or finished (the run's result). */
export const debugStopOutput = z.looseObject({
  state: z
    .enum(['paused', 'finished', 'none'])
    .describe('paused at a line, finished (the run result follows), or none (nothing was going).'),
  reason: z.enum(['breakpoint', 'step', 'condition-error', 'exception']).optional().describe('Why it paused.'),
  message: z.string().nullable().optional().describe('The exception where it failed, or the condition that failed.'),
  where: z.string().optional().describe('file:line of the pause.'),
  source: z.string().nullable().optional().describe("The paused line's text."),
  stack: z.array(z.string()).optional().describe('Innermost first, "function (file:line)".'),
  locals: z.record(z.string(), z.string()).optional().describe('The innermost frame’s locals as short reprs.'),
  output: z.string().optional().describe('What the program printed since the last stop.'),
  note: z.string().nullable().optional().describe('Why a finished run ended when it did not end by itself.'),
  status: z.string().optional().describe("A finished run's status, as run_python reports it."),
  notice,
});
