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
