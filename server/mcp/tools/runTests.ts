import * as z from 'zod';
import { notice } from '../mcpOutputShapes.ts';
import { runTestsTool as agentRunTestsTool } from '../../../src/agent/tools/runTests.ts';
import { checkToolPath } from '../../../src/agent/tools/checkToolPath.ts';
import { namePaths } from '../../../src/agent/tools/namePaths.ts';
import { summarizeTests, testsHeadline } from '../../../src/agent/tools/testSummary.ts';
import { testResultSchema } from '../../../src/protocol/testProtocol.ts';
import { defineMcpTool } from '../defineMcpTool.ts';

/** The file part of a pytest path or node id (`tests/test_calc.py::test_add` → `tests/test_calc.py`). */
const filePart = (target: string) => target.split('::')[0] ?? target;

/** run_tests: pytest (with coverage) on the session's project files, in interpreters of their own. */
export const runTestsTool = defineMcpTool({
  name: 'run_tests',
  title: 'Run tests',
  // pytest's counts and summary as the page's TestResult has them (its scalar fields: nested ones stay loose here).
  output: testResultSchema
    .pick({ status: true, exitCode: true, summary: true, total: true, passed: true, failed: true, errors: true, skipped: true })
    .extend({
      durationMs: z.number(),
      records: z.array(z.looseObject({ nodeId: z.string(), outcome: z.string() })),
      coverage: z.looseObject({ totalPercent: z.number() }).nullable(),
      thresholdMet: z.boolean().nullable(),
      failures: z.array(z.looseObject({ nodeId: z.string(), message: z.string() })),
      notice,
    })
    .loose(),
  description:
    "Run pytest (with coverage) on this session's project files (write_file puts them there), in fresh interpreters: the session's variables are untouched. " +
    "Returns the TestResult Executor's page gets (pytest's counts and summary line, one record per test with file:line of failures, coverage per file with missing lines) and a short list of failures.",
  // The chat agent's run_tests arguments: paths, pytest_args, coverage.
  schema: agentRunTestsTool.schema,
  readOnly: true,
  async run({ paths = [], pytest_args = [], coverage = true }, { session, settings }) {
    const files = session.project.files();
    if (files.length === 0) {
      const error = 'The session has no files: write the module and its tests with write_file first.';
      return { ok: false, summary: error, data: { error } };
    }
    const targets: string[] = [];
    for (const raw of paths) {
      const checked = checkToolPath(filePart(raw));
      if ('error' in checked) return { ok: false, summary: checked.error, data: { error: checked.error } };
      const file = checked.path.replace(/\/+$/, '');
      if (file !== '' && file !== '.' && !files.some((f) => f.path === file || f.path.startsWith(`${file}/`))) {
        const error = `${file} is not in the session's project. Its files: ${namePaths(files.map((f) => f.path))}.`;
        return { ok: false, summary: error, data: { error } };
      }
      targets.push(raw.includes('::') ? `${file}::${raw.split('::').slice(1).join('::')}` : file || '.');
    }
    const result = await session.engine.runTests({
      files,
      paths: targets,
      args: [...settings.config.PYTEST_ARGS, ...pytest_args],
      coverage,
      threshold: settings.config.COVERAGE_THRESHOLD,
      policy: settings.policy,
      ...settings.runOptions,
    });
    const short = summarizeTests(result);
    const details = short.failures.map((f) => `${f.outcome.toUpperCase()} ${f.nodeId}${f.where ? ` (${f.where})` : ''}: ${f.message}`);
    return {
      ok: result.status === 'passed',
      summary: testsHeadline(result),
      details: details.join('\n'),
      data: { ...result, failures: short.failures },
    };
  },
});
