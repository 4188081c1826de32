import * as z from 'zod';
import { notice, runError, runMetrics } from '../mcpOutputShapes.ts';
import { profileCodeTool } from '../../../src/agent/tools/profileCode.ts';
import { fromAgentTool } from '../fromAgentTool.ts';

/** profile_code: cProfile's view of a run, with suggestions. */
export const profileCodeMcpTool = fromAgentTool(profileCodeTool, {
  title: 'Profile Python code',
  output: z.looseObject({
    status: z.string(),
    success: z.boolean(),
    filename: z.string(),
    stdout: z.string(),
    error: runError.nullable(),
    metrics: runMetrics,
    totalMs: z.number().nullable(),
    top: z.array(z.looseObject({})),
    hottest: z.string().nullable(),
    suggestions: z.array(z.string()),
    notice,
  }),
  description:
    "Run Python code (or a file of the session's project, `path`) under cProfile in the session's interpreter, within the limits, and report the functions that take the most time (calls, own and cumulative ms, percent) with optimization suggestions.",
});
