import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TextFile } from '../protocol/testProtocol.ts';

/** Reads a fixture project of text files (e.g. e2e/fixtures/calculator) as project files, paths sorted. */
export function readFixtureProject(folder: string): TextFile[] {
  const files: TextFile[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      if (name === '__pycache__' || name.startsWith('.')) continue;
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.push({ path: relative(folder, full).split('\\').join('/'), content: readFileSync(full, 'utf8') });
    }
  };
  walk(folder);
  return files.sort((a, b) => a.path.localeCompare(b.path));
}
