import * as z from 'zod';
import { defineTool } from './defineTool.ts';

/** handle_error: explains the last failed run with structured suggestions (works offline). */
export const handleErrorTool = defineTool({
  name: 'handle_error',
  description:
    'Explain the most recent failed run (from the editor or execute_code): the error, the failing line, did-you-mean suggestions over the names in scope, and fixes (install a package, raise a limit).',
  schema: z.object({}),
  async run(_args, ctx) {
    const result = ctx.lastResult();
    if (!result) return { ok: false, summary: 'Nothing has run yet, so there is no error to explain.', data: { advice: null } };
    if (result.success) return { ok: true, summary: 'The last run succeeded: there is no error to explain.', data: { advice: null } };
    const advice = await ctx.engine.handleError(result, ctx.runOptions());
    return { ok: true, summary: advice?.summary ?? 'The last run failed.', data: { advice, error: result.error } };
  },
});
