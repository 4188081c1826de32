import * as z from 'zod';
import { debugOutcome, noDebugger } from './debugOutcome.ts';
import { defineTool } from './defineTool.ts';

const ACTIONS = { continue: 'continue', over: 'step-over', into: 'step-into', out: 'step-out' } as const;

/** debug_step: the paused debug run goes on; returns the next pause or the result. */
export const debugStepTool = defineTool({
  name: 'debug_step',
  keepsDebugRun: true,
  description:
    'Let the paused debug run (debug_python) go on: "continue" to the next breakpoint or failure, "over" to the next line, ' +
    '"into" the call on this line, "out" of the current function. Returns the next pause, or the run result when it finished. ' +
    'From a pause where it failed, any action lets it end.',
  schema: z.object({
    action: z.enum(['continue', 'over', 'into', 'out']).describe('How to go on.'),
  }),
  async run({ action }, ctx) {
    if (!ctx.debugger) return noDebugger();
    return debugOutcome(await ctx.debugger.step(ACTIONS[action]), ctx);
  },
});
