import { formatBytes } from '../format/formatBytes.ts';
import { MAX_FILE_BYTES, type BinaryFile, type ProjectFile, type TextFile } from '../protocol/testProtocol.ts';

const MB = 2 ** 20;
/** Largest text file the editor lets you edit; a larger one opens read-only. */
export const MAX_EDITABLE_BYTES = 5 * MB;

/** How many leading bytes decide whether a file is text (as git does: a NUL byte there makes it binary). */
const SNIFF_BYTES = 8000;

/** True for a text file (its text is what the editor shows). */
export function isTextFile(file: ProjectFile): file is TextFile {
  return 'content' in file;
}

/** The file's text, or null for a binary file (or no file). */
export function textOf(file: ProjectFile | null | undefined): string | null {
  return file && isTextFile(file) ? file.content : null;
}

const encoded = new WeakMap<TextFile, Uint8Array>();

/** The file's bytes (a text file's as UTF-8). */
export function fileBytes(file: ProjectFile): Uint8Array {
  if (!isTextFile(file)) return file.bytes;
  let bytes = encoded.get(file);
  if (!bytes) {
    bytes = new TextEncoder().encode(file.content);
    encoded.set(file, bytes);
  }
  return bytes;
}

/** The file's size in bytes. */
export function fileSize(file: ProjectFile): number {
  return fileBytes(file).length;
}

/** All the files' bytes together. */
export function projectSize(files: readonly ProjectFile[]): number {
  return files.reduce((n, f) => n + fileSize(f), 0);
}

/**
 * A file from its bytes, text or binary by its content, never by its name: text when it is valid UTF-8 with no NUL
 * byte in its first 8,000 bytes (a UTF-8 byte order mark is kept, so the bytes come back the same).
 */
export function fileFromBytes(path: string, bytes: Uint8Array): ProjectFile {
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return { path, bytes };
  try {
    return { path, content: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { path, bytes } satisfies BinaryFile;
  }
}

/** Whether two files hold the same bytes. */
export function sameContent(a: ProjectFile, b: ProjectFile): boolean {
  if (isTextFile(a) && isTextFile(b)) return a.content === b.content;
  const x = fileBytes(a);
  const y = fileBytes(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/** Why a file of this size cannot be in the project (the cap named), or null. */
export function fileCapProblem(path: string, bytes: number): string | null {
  return bytes > MAX_FILE_BYTES
    ? `${path} is ${formatBytes(bytes)}, over the ${formatBytes(MAX_FILE_BYTES)} a project file may hold`
    : null;
}
