import type { ProjectFile } from '../protocol/testProtocol.ts';
import { fileSize, isTextFile } from '../project/fileContent.ts';

/** One row of the file tree: a folder (folds) or a file. */
export type FileTreeRow =
  | { kind: 'folder'; path: string; name: string; depth: number; open: boolean; files: number }
  | { kind: 'file'; path: string; name: string; depth: number; size: number; binary: boolean; mark: 'new' | 'modified' | null };

/**
 * The tree's rows, in path order: each folder before its files (sub-folders first, as file managers show them),
 * the files of a folded folder left out. `files` must be sorted by path.
 */
export function fileTreeRows(
  files: readonly ProjectFile[],
  collapsed: ReadonlySet<string>,
  marks: Readonly<Record<string, 'new' | 'modified'>> = {},
): FileTreeRow[] {
  interface Folder {
    folders: Map<string, Folder>;
    files: ProjectFile[];
    count: number;
  }
  const root: Folder = { folders: new Map(), files: [], count: 0 };
  for (const f of files) {
    const parts = f.path.split('/');
    let folder = root;
    folder.count++;
    for (const part of parts.slice(0, -1)) {
      let next = folder.folders.get(part);
      if (!next) folder.folders.set(part, (next = { folders: new Map(), files: [], count: 0 }));
      next.count++;
      folder = next;
    }
    folder.files.push(f);
  }
  const rows: FileTreeRow[] = [];
  const visit = (folder: Folder, prefix: string, depth: number): void => {
    for (const [name, sub] of [...folder.folders].sort(([a], [b]) => a.localeCompare(b))) {
      const path = `${prefix}${name}`;
      const open = !collapsed.has(path);
      rows.push({ kind: 'folder', path, name, depth, open, files: sub.count });
      if (open) visit(sub, `${path}/`, depth + 1);
    }
    for (const f of folder.files)
      rows.push({
        kind: 'file',
        path: f.path,
        name: f.path.slice(prefix.length),
        depth,
        size: fileSize(f),
        binary: !isTextFile(f),
        mark: marks[f.path] ?? null,
      });
  };
  visit(root, '', 0);
  return rows;
}
