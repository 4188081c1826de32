import * as z from 'zod';
import { MAX_EXPRESSION_CHARS } from '../../protocol/debug.ts';
import { noDebugger } from './debugOutcome.ts';
import { defineTool } from './defineTool.ts';

/** debug_evaluate: an expression in a frame of the paused debug run. */
export const debugEvaluateTool = defineTool({
  name: 'debug_evaluate',
  keepsDebugRun: true,
  description:
    'Evaluate a Python expression in a frame of the paused debug run (2 s at most), e.g. "len(items)" or "vars(self)". ' +
    'A statement (x = 5) runs in the frame and changes it. Returns the value: its type, size and repr.',
  schema: z.object({
    expression: z.string().min(1, 'expression is empty').max(MAX_EXPRESSION_CHARS).describe('The expression.'),
    frame: z.number().int().nonnegative().max(49).optional().describe("Which frame of the pause's stack: 0 (default) is the innermost."),
  }),
  async run({ expression, frame = 0 }, ctx) {
    if (!ctx.debugger) return noDebugger();
    const row = await ctx.debugger.evaluate(expression, frame);
    return {
      ok: true,
      summary: `${expression} = ${row.repr}`,
      data: { expression, frame, type: row.type, size: row.size, repr: row.repr },
    };
  },
});
