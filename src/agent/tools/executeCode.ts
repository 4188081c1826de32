import * as z from 'zod';
import { defineTool } from './defineTool.ts';
import { pickViewImages } from './pickViewImages.ts';
import { runHeadline, summarizeRun } from './runSummary.ts';

/** execute_code: runs Python in the session's interpreter (variables persist) within the user's limits. */
export const executeCodeTool = defineTool({
  name: 'execute_code',
  description:
    'Run Python 3.14 code in the sandboxed interpreter (Pyodide, in the browser, no network). Variables persist between calls. ' +
    'Returns status, stdout, stderr, the value of a trailing expression, the error with suggestions, and metrics (wall/CPU ms, peak memory MB).',
  schema: z.object({
    code: z.string().min(1, 'code is empty').max(200_000).describe('The Python code to run.'),
    timeout_seconds: z.number().positive().max(600).optional().describe('Time limit in seconds (default: the user setting).'),
    max_memory_mb: z.number().int().positive().max(4096).optional().describe('Memory limit in MB (default: the user setting).'),
  }),
  async run({ code, timeout_seconds, max_memory_mb }, ctx) {
    const options = {
      ...ctx.runOptions(),
      ...(timeout_seconds ? { timeoutMs: Math.round(timeout_seconds * 1000) } : {}),
      ...(max_memory_mb ? { maxMemoryMB: max_memory_mb } : {}),
    };
    const result = await ctx.engine.execute(code, options);
    ctx.recordResult(result);
    const advice = result.success ? null : await ctx.engine.handleError(result, options);
    const images = pickViewImages(result.displays ?? []);
    return {
      ok: result.success,
      summary: runHeadline(result),
      data: summarizeRun(result, advice),
      ...(images.length ? { view: { displays: images } } : {}),
    };
  },
});
