import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { MAX_FILE_BYTES, MAX_PROJECT_BYTES, MAX_PROJECT_FILES, type ProjectFile } from '../../src/protocol/testProtocol.ts';
import { fileFromBytes } from '../../src/project/fileContent.ts';
import { formatBytes } from '../../src/format/formatBytes.ts';

const SKIPPED_DIRS = new Set(['node_modules', '__pycache__', 'venv', 'env', 'site-packages', 'build', 'dist']);
/** Compiled files the interpreter makes again itself. */
const SKIPPED_FILES = /\.(pyc|pyo)$/i;

/**
 * Reads `root`'s files as the project (recursively, skipping hidden files and folders, virtualenvs and caches):
 * text and binary, decided by content. A file over 50 MB, or past the project's 200 MB, is left out (named in
 * `skipped` with why). Throws when there are more than 20,000 files: that is not a project folder.
 */
export async function readLocalProject(root: string): Promise<{ files: ProjectFile[]; skipped: string[] }> {
  const files: ProjectFile[] = [];
  const skipped: string[] = [];
  let total = 0;
  async function walk(dir: string): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.endsWith('.egg-info')) await walk(full);
        continue;
      }
      if (!entry.isFile() || SKIPPED_FILES.test(entry.name)) continue;
      const path = relative(root, full).split(sep).join('/');
      const { size } = await stat(full);
      if (size > MAX_FILE_BYTES || total + size > MAX_PROJECT_BYTES) {
        skipped.push(
          `${path} (${formatBytes(size)}: over ${size > MAX_FILE_BYTES ? 'the 50 MB a file' : 'the 200 MB a project'} may hold)`,
        );
        continue;
      }
      total += size;
      files.push(fileFromBytes(path, new Uint8Array(await readFile(full))));
      if (files.length > MAX_PROJECT_FILES)
        throw new Error(
          `${root} holds more than ${MAX_PROJECT_FILES.toLocaleString('en')} files: run executor from the project's own folder.`,
        );
    }
  }
  await walk(root);
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { files, skipped };
}
