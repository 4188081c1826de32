import { checkPath, DEFAULT_FILE, sortFiles } from '../project/projectModel.ts';
import { fileFromBytes } from '../project/fileContent.ts';
import { mergeFiles } from '../project/mergeFiles.ts';
import type { FileChanges, ProjectFile } from '../protocol/testProtocol.ts';

/** What writing a project file did: the stored path and whether it is new, or why it was refused. */
export type WriteFileResult = { ok: true; path: string; created: boolean } | { ok: false; error: string };

/**
 * The project's files as the agent's tools see them. The page gives the store's
 * project (see src/store/storeProjectAccess.ts); {@link createMemoryProject} keeps
 * files in memory for code that has no page.
 */
export interface ProjectAccess {
  /** Every file, the active one with the editor's latest content. */
  files(): ProjectFile[];
  /** The file open in the editor ("this file"). */
  activePath(): string;
  /** Creates a file or replaces its content: text, or bytes (kept as text when they are UTF-8 text). */
  writeFile(path: string, content: string | Uint8Array): WriteFileResult;
  /**
   * Takes in what a program did to the working folder (see src/worker/workspaceSync.ts); returns the files left
   * out, each with the cap it would break.
   */
  applyChanges(changes: FileChanges): string[];
}

/** A file from what write_file or a program gave: text stays text, bytes are sniffed. */
export function fileFromContent(path: string, content: string | Uint8Array): ProjectFile {
  return typeof content === 'string' ? { path, content } : fileFromBytes(path, content);
}

/**
 * Checks a path for a file that may exist (writing replaces it): a clean relative
 * path, or an Error message that says what is wrong.
 */
export function checkWritablePath(raw: string, existing: readonly string[]): { path: string } | { error: string } {
  const first = checkPath(raw, []);
  if ('error' in first) return first;
  return checkPath(first.path, existing, first.path);
}

/** A project kept in memory (for ExecutorAgent without a page, and tests). */
export function createMemoryProject(initial: readonly ProjectFile[] = [], active?: string): ProjectAccess {
  let files = sortFiles(initial.map((f) => ({ ...f })));
  const activePath = active ?? files[0]?.path ?? DEFAULT_FILE;
  return {
    files: () => files.map((f) => ({ ...f })),
    activePath: () => activePath,
    writeFile(raw, content) {
      const checked = checkWritablePath(
        raw,
        files.map((f) => f.path),
      );
      if ('error' in checked) return { ok: false, error: checked.error };
      const created = !files.some((f) => f.path === checked.path);
      const merged = mergeFiles(files, [fileFromContent(checked.path, content)]);
      if (merged.refused.length > 0) return { ok: false, error: `${merged.refused[0]}; remove files first.` };
      files = merged.files;
      return { ok: true, path: checked.path, created };
    },
    applyChanges(changes) {
      const merged = mergeFiles(
        files,
        changes.written.map((f) => fileFromBytes(f.path, f.bytes)),
        changes.deleted,
      );
      files = merged.files;
      return merged.refused;
    },
  };
}
