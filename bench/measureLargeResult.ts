import type { Page } from '@playwright/test';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateCoverageProject, THOUSAND_FILE_PROJECT } from '../src/testing/generateCoverageProject.ts';
import { log } from './log.ts';
import { runCommand } from './runCommand.ts';
import { summarize } from './summarize.ts';
import { row, type BenchRow } from './types.ts';

/** One test run of the project in the Executor page: the call → result time, and what the frame sent for it. */
interface Sample {
  ms: number;
  /** Characters of JSON the frame sent for the result (its pages, or its one message). */
  sentChars: number;
  /** The result as the caller gets it, as JSON. */
  resultChars: number;
  pages: number;
}

async function timedTests(executor: Page, files: ReturnType<typeof generateCoverageProject>, coverage: boolean): Promise<Sample> {
  await executor.bringToFront();
  return executor.evaluate(
    async ({ files, coverage }) => {
      let sentChars = 0;
      let pages = 0;
      // Inline and unnamed: tsx would wrap a named function in a helper the page does not have.
      const listening = new AbortController();
      addEventListener(
        'message',
        (e: MessageEvent) => {
          const data = e.data as { type?: string; text?: string } | null;
          if (data?.type === 'page') {
            pages += 1;
            sentChars += data.text?.length ?? 0;
          } else if (data?.type === 'tests-result') sentChars += JSON.stringify(data).length;
        },
        { signal: listening.signal },
      );
      try {
        const started = performance.now();
        const r = await window.executor.engine.runTests({ files, parallel: 1, coverage, args: ['-q'], timeoutMs: 600_000 });
        const ms = performance.now() - started;
        if (r.status !== 'passed') throw new Error(`the project's tests ended with ${r.status}: ${r.message ?? r.summary}`);
        if (coverage && !r.coverage) throw new Error('no coverage came back');
        return { ms, sentChars, resultChars: JSON.stringify(r).length, pages };
      } finally {
        listening.abort();
      }
    },
    { files, coverage },
  );
}

/**
 * Figure 13: a result larger than one message. A generated project of 1,000 covered modules (24,000 partly covered
 * functions) and their 1,000 test files, tested with line and branch coverage on one interpreter: the time from the
 * engine call to the result, against the same run without coverage and native pytest (no coverage: Debian's
 * python3-coverage is not installed); and the characters the frame sent (compact, in pages) against the result's
 * own JSON, which the page refused before it was paged.
 */
export async function measureLargeResult(executor: Page, runs: number): Promise<BenchRow[]> {
  const files = generateCoverageProject(THOUSAND_FILE_PROJECT);
  const dir = await mkdtemp(join(tmpdir(), 'executor-bench-coverage-'));
  try {
    for (const f of files) {
      await mkdir(dirname(join(dir, f.path)), { recursive: true });
      await writeFile(join(dir, f.path), f.content);
    }
    await timedTests(executor, files, true); // boots the test interpreter and fills caches: untimed
    const covered: Sample[] = [];
    const plain: number[] = [];
    const native: number[] = [];
    for (let i = 0; i < runs; i++) {
      covered.push(await timedTests(executor, files, true));
      plain.push((await timedTests(executor, files, false)).ms);
      const started = performance.now();
      await runCommand('/usr/bin/python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], dir);
      native.push(performance.now() - started);
      const last = covered.at(-1) as Sample;
      log(
        `large result ${i + 1}/${runs}: ${last.ms.toFixed(0)} ms with coverage (${(last.resultChars / 1e6).toFixed(2)} M characters, ` +
          `${(last.sentChars / 1e6).toFixed(2)} M sent in ${last.pages} pages), ${plain.at(-1)?.toFixed(0)} ms without, native ${native.at(-1)?.toFixed(0)} ms`,
      );
    }
    const f = '13. Large results';
    const name = '1,000 covered files (24,000 functions) with coverage';
    return [
      row(f, `${name}: call → result`, 'ms', summarize(covered.map((s) => s.ms)), 'Executor without coverage', summarize(plain)),
      row(f, `${name}: call → result`, 'ms', summarize(covered.map((s) => s.ms)), 'native pytest without coverage', summarize(native)),
      row(
        f,
        `${name}: sent by the frame, compact, in pages (millions of characters)`,
        'MB',
        summarize(covered.map((s) => s.sentChars / 1e6)),
        'the result as JSON (refused over 2 before paging)',
        summarize(covered.map((s) => s.resultChars / 1e6)),
        `${covered[0]?.pages ?? 0} pages of at most 1 M characters`,
      ),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
