import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ProjectFile } from '../../src/protocol/testProtocol.ts';

/** The files of a folder that make a Python project: sources, pytest's configuration, small data files. */
const KEPT = /\.(py|pyi|toml|ini|cfg|txt|json|csv|ya?ml|md)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '__pycache__', 'venv', 'env', 'site-packages', 'build', 'dist']);
const MAX_FILE_BYTES = 1_000_000;
const MAX_FILES = 2000;

/**
 * Reads `root`'s project files (recursively, skipping hidden folders, virtualenvs and caches; files over 1 MB are
 * left out). Throws when there are more than 2,000: that is not a project folder.
 */
export async function readLocalProject(root: string): Promise<{ files: ProjectFile[]; skipped: string[] }> {
  const files: ProjectFile[] = [];
  const skipped: string[] = [];
  async function walk(dir: string): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.endsWith('.egg-info')) await walk(full);
        continue;
      }
      if (!entry.isFile() || !KEPT.test(entry.name)) continue;
      const path = relative(root, full).split(sep).join('/');
      if ((await stat(full)).size > MAX_FILE_BYTES) {
        skipped.push(path);
        continue;
      }
      files.push({ path, content: await readFile(full, 'utf8') });
      if (files.length > MAX_FILES)
        throw new Error(`${root} holds more than ${MAX_FILES} project files: run executor from the project's own folder.`);
    }
  }
  await walk(root);
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { files, skipped };
}
