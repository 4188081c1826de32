import { MAX_FILE_BYTES, type ProjectFile } from '../protocol/testProtocol.ts';
import { fileCapProblem, fileFromBytes } from './fileContent.ts';
import { readZip } from './zip.ts';

/** A file picked or dropped, with the path it had inside a picked or dropped folder. */
export interface PickedFile {
  path: string;
  file: Blob;
}

/** What an import produced: the project files, and the files left out with why. */
export interface ImportOutcome {
  files: ProjectFile[];
  skipped: string[];
}

const IGNORED = /(^|\/)(__pycache__|\.git|\.pytest_cache|\.venv|node_modules)(\/|$)|\.pyc$|(^|\/)\.DS_Store$/;

/** A project file from imported bytes (text or binary by content), or null when it is left out (named in `skipped`). */
function decode(path: string, data: Uint8Array, skipped: string[]): ProjectFile | null {
  if (IGNORED.test(path)) return null;
  const problem = fileCapProblem(path, data.length);
  if (problem) {
    skipped.push(problem);
    return null;
  }
  return fileFromBytes(path, data);
}

/**
 * Drops a folder that every path starts with (a picked folder or a zip's top folder): it becomes the project root.
 * A top folder that is a Python package (it has `__init__.py`) is kept, so `import pkg` and its tests still resolve.
 */
export function stripCommonFolder(files: ProjectFile[]): ProjectFile[] {
  const first = files[0]?.path.split('/')[0];
  if (!first || files.some((f) => !f.path.startsWith(`${first}/`))) return files;
  if (files.some((f) => f.path === `${first}/__init__.py`)) return files;
  return files.map((f) => ({ ...f, path: f.path.slice(first.length + 1) }));
}

/** Turns picked or dropped files (a .zip is opened) into project files, keeping folder structure. */
export async function importPicked(picked: PickedFile[]): Promise<ImportOutcome> {
  const skipped: string[] = [];
  const files: ProjectFile[] = [];
  for (const { path, file } of picked) {
    // Not read at all when it is over the cap (a .zip is opened first: its files are measured one by one).
    if (file.size > MAX_FILE_BYTES && !path.toLowerCase().endsWith('.zip')) {
      if (!IGNORED.test(path)) skipped.push(fileCapProblem(path, file.size) as string);
      continue;
    }
    const data = new Uint8Array(await file.arrayBuffer());
    if (path.toLowerCase().endsWith('.zip')) {
      const entries = await readZip(data);
      const inZip = entries.map((e) => decode(e.path, e.data, skipped)).filter((f): f is ProjectFile => f !== null);
      files.push(...stripCommonFolder(inZip));
    } else {
      const f = decode(path, data, skipped);
      if (f) files.push(f);
    }
  }
  const rooted = picked.length > 1 && picked.every((p) => p.path.includes('/')) ? stripCommonFolder(files) : files;
  return { files: rooted, skipped };
}

/** Files of an `<input type="file">` (with `webkitdirectory`, their folder paths). */
export function pickedFromInput(list: FileList): PickedFile[] {
  return [...list].map((file) => ({ path: file.webkitRelativePath || file.name, file }));
}

/** Files and folders dropped on the page, folders walked recursively. */
export async function pickedFromDrop(data: DataTransfer): Promise<PickedFile[]> {
  const entries = [...data.items].map((item) => item.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) return [...data.files].map((file) => ({ path: file.name, file }));
  const out: PickedFile[] = [];
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      out.push({ path: prefix + entry.name, file });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const child of batch) await walk(child, `${prefix}${entry.name}/`);
      }
    }
  };
  for (const e of entries) await walk(e, '');
  return out;
}
