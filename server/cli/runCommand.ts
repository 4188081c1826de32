import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { ExecutionResult } from '../../src/protocol/results.ts';
import { describeDisplays } from '../../src/engine/describeDisplays.ts';
import { startHeadless } from '../headless/startHeadless.ts';
import { checkToolPath } from '../../src/agent/tools/checkToolPath.ts';
import { EXIT, SAFE_MODE_HINT } from './exitCodes.ts';
import { readLocalProject } from './readLocalProject.ts';
import { startProgress } from './startProgress.ts';
import { UsageError } from './UsageError.ts';
import { watchFileChanges, type ProjectChanges } from './fileChangesOf.ts';
import { filesJson, reportChanges } from './reportChanges.ts';
import { writeBack } from './writeBack.ts';

/** The exit code of a run (see exitCodes.ts); sys.exit(n) exits n. */
export function runExitCode(result: ExecutionResult): number {
  if (result.status === 'ok') return EXIT.ok;
  if (result.error?.type === 'SystemExit') {
    const code = result.error.message.trim();
    if (code === '' || code === 'None' || code === '0') return EXIT.ok;
    return /^\d+$/.test(code) ? Number(code) & 255 : EXIT.error;
  }
  const byStatus: Partial<Record<ExecutionResult['status'], number>> = {
    security: EXIT.security,
    timeout: EXIT.timeout,
    memory: EXIT.memory,
    crashed: EXIT.crashed,
    stopped: EXIT.crashed,
  };
  return byStatus[result.status] ?? EXIT.error;
}

/** What `run --json` prints: the engine's result without its interleaved chunks, images described. */
export function runJson(result: ExecutionResult, exitCode: number): Record<string, unknown> {
  const { output: _output, displays, profile: _profile, ...rest } = result;
  return { ...rest, displays: describeDisplays(displays ?? []), exitCode };
}

/** `executor run SCRIPT.py`: runs the script with the current folder as its project. */
export async function runCommand(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { stdin: { type: 'string' }, timeout: { type: 'string' }, json: { type: 'boolean' }, 'write-back': { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError('run takes one script: executor run SCRIPT.py');
  const checked = checkToolPath(positionals[0] ?? '');
  if ('error' in checked) throw new UsageError(`${checked.error} The script must be in the current folder (the project).`);
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(timeout > 0 && timeout <= 3600))
    throw new UsageError(`--timeout takes seconds (0-3600); got "${values.timeout}".`);
  let stdin = '';
  if (values.stdin !== undefined) {
    try {
      stdin =
        values.stdin === '-' ? await new Response(process.stdin as unknown as ReadableStream).text() : await readFile(values.stdin, 'utf8');
    } catch (err) {
      throw new UsageError(`--stdin: ${(err as Error).message}`);
    }
  }
  const { files } = await readLocalProject(process.cwd());
  const script = files.find((f) => f.path === checked.path);
  if (!script) throw new UsageError(`${checked.path} is not a file of the current folder.`);
  if (!('content' in script)) throw new UsageError(`${checked.path} is a binary file, not a Python script.`);

  const headless = startHeadless(env, (line) => console.error(`[executor] ${line}`));
  try {
    const progress = startProgress('Starting Python');
    let changes: ProjectChanges = { created: [], changed: [], deleted: [] };
    let streamed = false;
    const result = await headless.pool
      .use('cli', async (session) => {
        progress.done(); // the interpreter is ready: from here on, the script's own output
        const watch = watchFileChanges(session.engine, new Set(files.map((f) => f.path)));
        // The script's output as it comes (not in --json mode: stdout is the JSON there).
        const stopStreaming = values.json
          ? () => undefined
          : session.engine.onProgress((event) => {
              if (event.kind !== 'output') return;
              streamed = true;
              for (const chunk of event.chunks) (chunk.stream === 'stderr' ? process.stderr : process.stdout).write(chunk.text);
            });
        const options = {
          ...headless.settings.runOptions,
          ...(timeout ? { timeoutMs: Math.round(timeout * 1000) } : {}),
          policy: headless.settings.policy,
          stdin,
          files,
          filename: script.path,
        };
        try {
          return await session.engine.execute(script.content, options);
        } finally {
          stopStreaming();
          changes = watch.stop();
        }
      })
      .finally(() => progress.done());
    const code = runExitCode(result);
    const written = values['write-back'] ? await writeBack(process.cwd(), changes) : null;
    if (values.json) {
      console.log(JSON.stringify({ ...runJson(result, code), files: filesJson(changes, written) }, null, 2));
      return code;
    }
    // Printed as it came; a run that printed nothing before it was refused (safe mode) has nothing to repeat.
    if (!streamed) for (const chunk of result.output) (chunk.stream === 'stderr' ? process.stderr : process.stdout).write(chunk.text);
    if (result.value !== null) console.log(result.value);
    if (result.error && result.error.type !== 'SystemExit')
      process.stderr.write(`${result.error.traceback || `${result.error.type}: ${result.error.message}`}\n`);
    else if (result.error?.type === 'SystemExit' && code === EXIT.error) process.stderr.write(`${result.error.message}\n`);
    for (const d of result.diagnostics ?? []) process.stderr.write(`${script.path}:${d.line}: ${d.message} (${d.rule})\n`);
    if (!result.success && result.status !== 'error')
      process.stderr.write(`executor: ${result.status}: ${result.error?.message ?? 'the run did not finish'}\n`);
    if (result.status === 'security') process.stderr.write(`${SAFE_MODE_HINT}\n`);
    reportChanges(changes, written);
    return code;
  } finally {
    await headless.close();
  }
}
