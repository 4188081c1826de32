import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatMarkdown } from './formatMarkdown.ts';
import { RESULTS_DIR } from './paths.ts';
import type { BenchReport } from './types.ts';

/** Writes bench/results/<name>.json and <name>.md (latest for a full run); resolves to their paths. */
export async function writeReport(report: BenchReport, name = 'latest'): Promise<{ json: string; md: string }> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const json = join(RESULTS_DIR, `${name}.json`);
  const md = join(RESULTS_DIR, `${name}.md`);
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(md, formatMarkdown(report));
  return { json, md };
}
