import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIST_DIR, REPO_DIR } from './paths.ts';
import { runCommand } from './runCommand.ts';

/** Builds the app with Vite into bench/.dist (the shared dist/ is left alone). */
export async function buildApp(): Promise<string> {
  await runCommand('npx', ['vite', 'build', '--outDir', BENCH_DIST_DIR, '--emptyOutDir'], REPO_DIR);
  if (!existsSync(join(BENCH_DIST_DIR, 'index.html'))) throw new Error(`The build left no index.html in ${BENCH_DIST_DIR}.`);
  return BENCH_DIST_DIR;
}
