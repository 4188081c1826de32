import * as z from 'zod';
import { breakpointSchema, MAX_BREAKPOINTS } from '../../protocol/debug.ts';
import { textOf } from '../../project/fileContent.ts';
import { checkToolPath } from './checkToolPath.ts';
import { CODE_FILE, debugOutcome, noDebugger } from './debugOutcome.ts';
import { defineTool } from './defineTool.ts';
import { namePaths } from './namePaths.ts';

/** debug_python: code, or one pytest test, under the step debugger; returns the first pause or the result. */
export const debugPythonTool = defineTool({
  name: 'debug_python',
  keepsDebugRun: true,
  description:
    'Run code, or one pytest test, under the step debugger, to see why it fails. It stops at the breakpoints and, unless ' +
    'stop_on_failure is false, where an exception ends the program or fails the test (at the failing assertion or the line that raised). ' +
    'Returns the pause (file:line, the line, the stack, the innermost locals as short reprs, the output so far) or, when nothing ' +
    'stopped it, the run result. Then use debug_step, debug_evaluate, and debug_stop when done. One debug run at a time; a pause ' +
    'left alone for 5 minutes is stopped.',
  schema: z.object({
    code: z
      .string()
      .min(1, 'code is empty')
      .max(200_000)
      .optional()
      .describe(`The Python code to debug; it runs as ${CODE_FILE} in the session's interpreter. Give code or test, not both.`),
    test: z
      .string()
      .min(1)
      .max(2000)
      .optional()
      .describe('A pytest node id of a project test, like "test_calc.py::test_add" (list_files shows the files).'),
    breakpoints: z
      .array(breakpointSchema.pick({ file: true, line: true, condition: true }))
      .max(MAX_BREAKPOINTS)
      .optional()
      .describe(`Lines to stop at: { file, line, condition? }; file is a project path, or ${CODE_FILE} for code. Default: none.`),
    stop_on_failure: z.boolean().optional().describe('Also stop where it fails (default true).'),
  }),
  async run({ code, test, breakpoints = [], stop_on_failure = true }, ctx) {
    if (!ctx.debugger) return noDebugger();
    if ((code === undefined) === (test === undefined)) {
      const error = 'Give either code (to debug a program) or test (a pytest node id like "test_calc.py::test_add"), not both or neither.';
      return { ok: false, summary: error, data: { error } };
    }
    const files = ctx.project?.files() ?? [];
    for (const b of breakpoints) {
      const known = b.file === CODE_FILE && code !== undefined ? true : files.some((f) => f.path === b.file);
      if (!known) {
        const error = `A breakpoint names ${b.file}, which is not ${code !== undefined ? `${CODE_FILE} (the code) or ` : ''}a project file. Its files: ${namePaths(files.map((f) => f.path))}.`;
        return { ok: false, summary: error, data: { error } };
      }
    }
    const options = { ...ctx.runOptions(), breakpoints, ...(stop_on_failure ? { stopOnFailure: true } : {}) };
    if (code !== undefined) return debugOutcome(await ctx.debugger.start(code, { ...options, filename: CODE_FILE }), ctx, code);
    const checked = checkToolPath((test ?? '').split('::')[0] ?? '');
    if ('error' in checked) return { ok: false, summary: checked.error, data: { error: checked.error } };
    const source = textOf(files.find((f) => f.path === checked.path));
    if (source === null) {
      const error = `${checked.path} is not a text file of the project. Its files: ${namePaths(files.map((f) => f.path))}.`;
      return { ok: false, summary: error, data: { error } };
    }
    const nodeId = [checked.path, ...(test ?? '').split('::').slice(1)].join('::');
    // The test file's source is what safe mode checks and what says which packages to load.
    return debugOutcome(await ctx.debugger.start(source, { ...options, filename: checked.path, test: nodeId }), ctx);
  },
});
