import { lstat, mkdir, realpath, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { checkToolPath } from '../../src/agent/tools/checkToolPath.ts';
import type { ProjectChanges } from './fileChangesOf.ts';

/** Whether `path` is `root` or inside it. */
const inside = (root: string, path: string) => path === root || path.startsWith(root + sep);

/**
 * Copies the files a run created or changed into `root` (`--write-back`): never outside it (a relative path, no
 * `..`, and no symbolic link on the way that leads out), never deleting anything. Returns one line per file.
 */
export async function writeBack(root: string, changes: ProjectChanges): Promise<string[]> {
  const base = await realpath(root);
  const lines: string[] = [];
  for (const file of [...changes.created, ...changes.changed]) {
    const checked = checkToolPath(file.path);
    const target = resolve(base, file.path);
    if ('error' in checked || !inside(base, target)) {
      lines.push(`not written back: ${file.path} (it would leave ${root})`);
      continue;
    }
    // A folder on the way may be a symbolic link (made before the run): follow it only when it stays inside,
    // and look before making any folder, so that none is made outside either.
    let existingFolder = dirname(target);
    while (!(await lstat(existingFolder).catch(() => null))) existingFolder = dirname(existingFolder);
    const existing = await lstat(target).catch(() => null);
    if (!inside(base, await realpath(existingFolder)) || existing?.isSymbolicLink()) {
      lines.push(`not written back: ${file.path} (a symbolic link leads out of ${root})`);
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    const folder = await realpath(dirname(target));
    await writeFile(join(folder, relative(dirname(target), target)), file.bytes);
    lines.push(`wrote back ${file.path}`);
  }
  if (changes.deleted.length > 0) lines.push(`kept ${changes.deleted.join(', ')} (deleted by the run; --write-back never deletes)`);
  return lines;
}
