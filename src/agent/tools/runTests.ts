import * as z from 'zod';
import { checkToolPath } from './checkToolPath.ts';
import { defineTool } from './defineTool.ts';
import { namePaths } from './namePaths.ts';
import { summarizeTests, testsHeadline } from './testSummary.ts';

/** The file part of a pytest path or node id (`tests/test_calc.py::test_add` → `tests/test_calc.py`). */
const filePart = (target: string) => target.split('::')[0] ?? target;

/** run_tests: pytest (with coverage) on the project's files, in test interpreters of their own. */
export const runTestsTool = defineTool({
  name: 'run_tests',
  description:
    "Run pytest on the project's files (list_files shows them) in interpreters of their own (the session's variables are untouched), " +
    "under the user's time and memory limits. Returns the counts, each failure with file:line and message, and, with coverage, " +
    'the total and per-file coverage with the lines no test ran.',
  schema: z.object({
    paths: z
      .array(z.string().min(1).max(2000))
      .max(100)
      .optional()
      .describe(
        'Test files, folders or node ids (like "tests/test_calc.py::test_add"), relative to the project; absent or empty: every test.',
      ),
    coverage: z.boolean().optional().describe('Measure line and branch coverage (default true).'),
    pytest_args: z
      .array(z.string().min(1).max(500))
      .max(30)
      .optional()
      .describe('Extra pytest arguments after the defaults (-v --tb=short), e.g. ["-k", "add"] or ["-x"].'),
  }),
  async run({ paths = [], coverage = true, pytest_args = [] }, ctx) {
    if (!ctx.project)
      return { ok: false, summary: "There is no project here: run_tests needs the project's files.", data: { error: 'no project' } };
    const files = ctx.project.files();
    const targets: string[] = [];
    for (const raw of paths) {
      const checked = checkToolPath(filePart(raw));
      if ('error' in checked) return { ok: false, summary: checked.error, data: { error: checked.error } };
      const file = checked.path.replace(/\/+$/, '');
      if (file === '.' || file === '') {
        targets.push('.');
        continue;
      }
      if (!files.some((f) => f.path === file || f.path.startsWith(`${file}/`))) {
        const error = `${file} is not in the project. Its files: ${namePaths(files.map((f) => f.path))}.`;
        return { ok: false, summary: error, data: { error } };
      }
      targets.push(raw.includes('::') ? `${file}::${raw.split('::').slice(1).join('::')}` : file);
    }
    const { timeoutMs, maxMemoryMB, maxOutputChars } = ctx.runOptions();
    const defaults = ctx.testOptions();
    const result = await ctx.engine.runTests({
      files,
      paths: targets,
      args: [...defaults.pytestArgs, ...pytest_args],
      coverage,
      threshold: defaults.coverageThreshold,
      ...(defaults.parallel ? { parallel: defaults.parallel } : {}),
      ...(timeoutMs ? { timeoutMs } : {}),
      ...(maxMemoryMB ? { maxMemoryMB } : {}),
      ...(maxOutputChars ? { maxOutputChars } : {}),
    });
    ctx.recordTestResult(result);
    return { ok: result.status === 'passed', summary: testsHeadline(result), data: summarizeTests(result) };
  },
});
