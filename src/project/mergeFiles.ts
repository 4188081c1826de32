import { MAX_PROJECT_BYTES, MAX_PROJECT_FILES, type ProjectFile } from '../protocol/testProtocol.ts';
import { fileCapProblem, fileSize } from './fileContent.ts';
import { formatBytes } from '../format/formatBytes.ts';
import { sortFiles } from './projectModel.ts';

/** The project after a merge, and the files left out, each with the cap it would break. */
export interface MergedFiles {
  files: ProjectFile[];
  refused: string[];
}

/**
 * Adds `incoming` to `files` (same path: replaced) and removes `deleted`, within the caps: 50 MB per file,
 * 200 MB and 20,000 files per project. A file that would break one is left out (the project keeps what it had
 * at that path), named in `refused` with the cap.
 */
export function mergeFiles(files: readonly ProjectFile[], incoming: readonly ProjectFile[], deleted: readonly string[] = []): MergedFiles {
  const gone = new Set(deleted);
  const byPath = new Map(files.filter((f) => !gone.has(f.path)).map((f) => [f.path, f]));
  let total = [...byPath.values()].reduce((n, f) => n + fileSize(f), 0);
  const refused: string[] = [];
  for (const f of incoming) {
    const size = fileSize(f);
    const old = byPath.get(f.path);
    const problem =
      fileCapProblem(f.path, size) ??
      (total - (old ? fileSize(old) : 0) + size > MAX_PROJECT_BYTES
        ? `${f.path} (${formatBytes(size)}) would take the project over the ${formatBytes(MAX_PROJECT_BYTES)} it may hold`
        : !old && byPath.size >= MAX_PROJECT_FILES
          ? `${f.path} would take the project over the ${MAX_PROJECT_FILES.toLocaleString('en')} files it may hold`
          : null);
    if (problem) {
      refused.push(problem);
      continue;
    }
    total += size - (old ? fileSize(old) : 0);
    byPath.set(f.path, f);
  }
  return { files: sortFiles([...byPath.values()]), refused };
}
