import type { Page } from '@playwright/test';
import type { BareWindow } from './bare/bareApi.ts';
import { log } from './log.ts';
import { summarize } from './summarize.ts';
import { row, type BenchRow } from './types.ts';

/** Writes 1,000 small files under `folder` (1 KB each). */
const MANY_FILES = (folder: string) =>
  `import os\nos.makedirs(${JSON.stringify(folder)}, exist_ok=True)\nfor i in range(1000):\n    open(f"${folder}/f{i:04}.txt", "w").write("x" * 1024)`;
/** Writes one 40 MB file at `path`. */
const BIG_FILE = (path: string) =>
  `import os\nos.makedirs(os.path.dirname(${JSON.stringify(path)}) or ".", exist_ok=True)\nopen(${JSON.stringify(path)}, "wb").write(bytes(40 * 2**20))`;

/**
 * One run in the Executor page with the project's files, safe mode off (programs here write files): the time from
 * the call to the project holding what the run wrote and the file tree having drawn it (two frames later).
 */
async function timedRun(executor: Page, code: string, expectPath: string | null): Promise<number> {
  return executor.evaluate(
    async ({ code, expectPath }) => {
      const { engine, project } = window.executor;
      const policy = { sandboxMode: false, allowedModules: [], forbiddenFunctions: [] };
      const started = performance.now();
      const result = await engine.execute(code, { files: project.files(), policy, timeoutMs: 120_000, maxMemoryMB: 1024 });
      if (result.status !== 'ok') throw new Error(`the run ended with ${result.status}: ${result.error?.message ?? ''}`);
      if (expectPath && !project.files().some((f) => f.path === expectPath)) throw new Error(`${expectPath} did not come back`);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - started;
    },
    { code, expectPath },
  );
}

/** Removes what a sample wrote (the removal syncs too, untimed). */
async function cleanUp(executor: Page, path: string): Promise<void> {
  await timedRun(
    executor,
    `import os, shutil\nshutil.rmtree(${JSON.stringify(path)}) if os.path.isdir(${JSON.stringify(path)}) else os.remove(${JSON.stringify(path)})`,
    null,
  );
}

/** The same program in the bare Pyodide worker (its own file system, nothing goes back anywhere). */
async function bareRun(bare: Page, code: string): Promise<number> {
  return bare.evaluate(async (code) => {
    const api = (window as unknown as BareWindow).bare;
    const started = performance.now();
    const r = await api.run(code);
    if (r.error !== null) throw new Error(`bare run failed: ${r.error}`);
    return performance.now() - started;
  }, code);
}

/**
 * Figure 12: the workspace. A run that writes 1,000 small files, and one that writes a 40 MB file, timed from the
 * call to the file tree updated, next to the same run writing under /tmp (which stays out of the project: the run
 * itself) and in bare Pyodide. Then the import of a 1,000-file project and its first test run, next to a later
 * test run of the same project (nothing new to write).
 */
export async function measureWorkspace(executor: Page, bare: Page, runs: number): Promise<BenchRow[]> {
  const cases = [
    {
      name: 'Run writing 1,000 files of 1 KB',
      write: MANY_FILES,
      project: 'many',
      tmp: '/tmp/many',
      expect: 'many/f0999.txt',
    },
    {
      name: 'Run writing one 40 MB file',
      write: BIG_FILE,
      project: 'big/data.bin',
      tmp: '/tmp/big/data.bin',
      expect: 'big/data.bin',
    },
  ];
  const rows: BenchRow[] = [];
  await executor.bringToFront();
  for (const c of cases) {
    const synced: number[] = [];
    const alone: number[] = [];
    const bareMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      await executor.bringToFront();
      alone.push(await timedRun(executor, c.write(c.tmp), null));
      synced.push(await timedRun(executor, c.write(c.project), c.expect));
      await cleanUp(executor, c.project.split('/')[0] as string);
      await bare.bringToFront();
      bareMs.push(await bareRun(bare, c.write(c.tmp)));
      log(
        `workspace ${c.project} ${i + 1}/${runs}: synced ${synced.at(-1)?.toFixed(0)} ms, under /tmp ${alone.at(-1)?.toFixed(0)} ms, bare ${bareMs.at(-1)?.toFixed(0)} ms`,
      );
    }
    rows.push(
      row(
        '12. Workspace',
        `${c.name}: call → file tree updated`,
        'ms',
        summarize(synced),
        'the same run writing under /tmp (not synced)',
        summarize(alone),
      ),
    );
    rows.push(row('12. Workspace', `${c.name} in bare Pyodide (nothing synced)`, 'ms', summarize(bareMs)));
  }

  const first: number[] = [];
  const later: number[] = [];
  for (let i = 0; i < runs; i++) {
    await executor.bringToFront();
    const [importAndFirst, again] = await executor.evaluate(async (sample) => {
      const { engine, project } = window.executor;
      const folder = `proj${sample}`;
      const files = Array.from({ length: 1000 }, (_, k) =>
        k % 10 === 0
          ? {
              path: `${folder}/test_m${k}.py`,
              content: `from ${folder}.m${k + 1} import VALUE\n\ndef test_value():\n    assert VALUE == ${k + 1}\n`,
            }
          : { path: `${folder}/m${k}.py`, content: `VALUE = ${k}\n` },
      );
      files.push({ path: `${folder}/__init__.py`, content: '' });
      const started = performance.now();
      for (const f of files) project.writeFile(f.path, f.content);
      const options = { files: project.files(), paths: [folder], args: ['-q'], coverage: false, timeoutMs: 120_000, maxMemoryMB: 1024 };
      const one = await engine.runTests(options);
      const firstMs = performance.now() - started;
      if (!one.summary.startsWith('100 passed')) throw new Error(`first test run: ${one.summary}`);
      const again = performance.now();
      await engine.runTests({ ...options, files: project.files() });
      return [firstMs, performance.now() - again];
    }, i);
    first.push(importAndFirst);
    later.push(again);
    await cleanUp(executor, `proj${i}`);
    log(`workspace project ${i + 1}/${runs}: import + first test run ${importAndFirst.toFixed(0)} ms, a later run ${again.toFixed(0)} ms`);
  }
  rows.push(
    row(
      '12. Workspace',
      'Import of a 1,000-file project and its first test run',
      'ms',
      summarize(first),
      'a later test run of it',
      summarize(later),
    ),
  );
  return rows;
}
