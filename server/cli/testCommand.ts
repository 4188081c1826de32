import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { TestResult } from '../../src/protocol/testProtocol.ts';
import { checkToolPath } from '../../src/agent/tools/checkToolPath.ts';
import { startHeadless } from '../headless/startHeadless.ts';
import { formatTestReport } from './formatTestReport.ts';
import { junitXml } from './junitXml.ts';
import { readLocalProject } from './readLocalProject.ts';
import { startProgress } from './startProgress.ts';
import { startTestProgress } from './startTestProgress.ts';
import { UsageError } from './UsageError.ts';
import { EXIT, SAFE_MODE_HINT } from './exitCodes.ts';
import { watchFileChanges, type ProjectChanges } from './fileChangesOf.ts';
import { filesJson, reportChanges } from './reportChanges.ts';
import { writeBack } from './writeBack.ts';

/**
 * pytest's exit code for the run; a run the limits ended counts as interrupted (2), a crash as an internal error (3),
 * a project safe mode refused exits 6.
 */
export function testExitCode(result: TestResult): number {
  if (result.status === 'security') return EXIT.testRefused;
  if (result.exitCode !== null && result.exitCode >= 0) return result.exitCode;
  return result.status === 'crashed' ? 3 : result.status === 'passed' ? 0 : result.status === 'failed' ? 1 : 2;
}

/** `executor test [PATHS] [--cov] [--json] [--junit FILE] [-- PYTEST_ARGS]`: pytest on the current folder. */
export async function testCommand(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const split = argv.indexOf('--');
  const own = split < 0 ? argv : argv.slice(0, split);
  const pytestArgs = split < 0 ? [] : argv.slice(split + 1);
  const { values, positionals } = parseArgs({
    args: own,
    options: { cov: { type: 'boolean' }, json: { type: 'boolean' }, junit: { type: 'string' }, 'write-back': { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  for (const path of positionals) {
    const checked = checkToolPath(path.split('::')[0] ?? path);
    if ('error' in checked) throw new UsageError(`${checked.error} Test paths are relative to the current folder (the project).`);
  }
  const { files, skipped } = await readLocalProject(process.cwd());
  if (!files.some((f) => f.path.endsWith('.py')))
    throw new UsageError('The current folder has no Python files: run executor test in the project folder.');
  for (const path of skipped) console.error(`[executor] left out of the project: ${path}`);

  const headless = startHeadless(env, (line) => console.error(`[executor] ${line}`));
  try {
    const progress = startProgress('Starting Python');
    const testProgress = startTestProgress();
    let changes: ProjectChanges = { created: [], changed: [], deleted: [] };
    const result = await headless.pool
      .use('cli', async (session) => {
        progress.done();
        const watch = watchFileChanges(session.engine, new Set(files.map((f) => f.path)));
        const stopStreaming = session.engine.onProgress((event) => {
          if (event.kind === 'tests') testProgress.add(event.records);
        });
        try {
          return await session.engine.runTests({
            files,
            paths: positionals,
            args: [...headless.settings.config.PYTEST_ARGS, ...pytestArgs],
            coverage: values.cov ?? false,
            threshold: headless.settings.config.COVERAGE_THRESHOLD,
            policy: headless.settings.policy,
            ...headless.settings.runOptions,
          });
        } finally {
          stopStreaming();
          testProgress.done();
          changes = watch.stop();
        }
      })
      .finally(() => progress.done());
    const code = testExitCode(result);
    if (values.junit) await writeFile(values.junit, junitXml(result));
    const written = values['write-back'] ? await writeBack(process.cwd(), changes) : null;
    console.log(
      values.json ? JSON.stringify({ ...result, exitCode: code, files: filesJson(changes, written) }, null, 2) : formatTestReport(result),
    );
    if (result.status === 'security') console.error(SAFE_MODE_HINT);
    if (!values.json) reportChanges(changes, written);
    return code;
  } finally {
    await headless.close();
  }
}
