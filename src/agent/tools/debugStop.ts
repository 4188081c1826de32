import * as z from 'zod';
import { debugOutcome, noDebugger } from './debugOutcome.ts';
import { defineTool } from './defineTool.ts';

/** debug_stop: ends the debug run. */
export const debugStopTool = defineTool({
  name: 'debug_stop',
  keepsDebugRun: true,
  description: 'End the debug run (debug_python), paused or not. The interpreter is free for other runs again.',
  schema: z.object({}),
  async run(_args, ctx) {
    if (!ctx.debugger) return noDebugger();
    const stop = await ctx.debugger.stop();
    if (!stop) return { ok: true, summary: 'No debug run was going.', data: { state: 'none' } };
    return debugOutcome(stop, ctx);
  },
});
