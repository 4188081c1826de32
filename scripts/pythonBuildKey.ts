import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * What a memory snapshot depends on, as one short key: Pyodide's version, the worker's code and
 * Executor's Python (src/worker), and the package set (the built lock). A snapshot stored under
 * another key is never restored (src/engine/createSnapshotStore.ts adds the browser's engine and version).
 */
export function pythonBuildKey(): string {
  const hash = createHash('sha256');
  const pyodide = JSON.parse(readFileSync(join(ROOT, 'node_modules/pyodide/package.json'), 'utf8')) as { version: string };
  hash.update(pyodide.version);
  for (const file of filesUnder(join(ROOT, 'src/worker')))
    if (!file.endsWith('.test.ts')) hash.update(file.slice(ROOT.length)).update(readFileSync(file));
  const lock = join(ROOT, 'public/packages/pyodide-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return `${pyodide.version}-${hash.digest('hex').slice(0, 16)}`;
}
