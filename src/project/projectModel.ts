import type { ProjectFile } from '../protocol/testProtocol.ts';
import type { Breakpoint } from '../protocol/debug.ts';

/** The project as stored and as the Sessions feature will share it: files plus the active path. */
export interface ProjectSnapshot {
  files: ProjectFile[];
  activePath: string;
  openPaths: string[];
  /** The project's breakpoints (absent in projects saved before the debugger). */
  breakpoints?: Breakpoint[];
}

/** The file a project starts with, and where the old single editor buffer goes. */
export const DEFAULT_FILE = 'main.py';

/** A character a file name may not have: a control character, or one Windows forbids. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const FORBIDDEN_PATH_CHAR = /[\u0000-\u001f<>:"|?*]/;

/**
 * Checks a path typed by the user; returns the cleaned path, or an Error message
 * that says what is wrong and what to do.
 */
export function checkPath(raw: string, existing: readonly string[], except?: string): { path: string } | { error: string } {
  const path = raw
    .trim()
    .replace(/\\/g, '/')
    .replace(/^\.?\/+/, '');
  if (!path) return { error: 'Type a file name, like "calc.py" or "tests/test_calc.py".' };
  if (path.length > 200) return { error: 'That path is longer than 200 characters; use a shorter one.' };
  const parts = path.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..'))
    return { error: `"${raw}" is not a valid path: use names separated by "/", without "." or "..".` };
  if (parts.some((p) => FORBIDDEN_PATH_CHAR.test(p)))
    return { error: `"${raw}" contains a character file names cannot have (< > : " | ? * or a control character).` };
  if (path !== except && existing.includes(path)) return { error: `The project already has ${path}; pick another name.` };
  const clash = existing.find((e) => e !== except && (e.startsWith(`${path}/`) || path.startsWith(`${e}/`)));
  if (clash) return { error: `${path} would clash with ${clash} (a name cannot be both a file and a folder).` };
  return { path };
}

/** A name like `base.py` that is not taken yet (`base-2.py`, `base-3.py`, ...). */
export function uniquePath(base: string, existing: readonly string[]): string {
  if (!existing.includes(base)) return base;
  const dot = base.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [base.slice(0, dot), base.slice(dot)] : [base, ''];
  for (let i = 2; ; i++) if (!existing.includes(`${stem}-${i}${ext}`)) return `${stem}-${i}${ext}`;
}

/** Files sorted by path, folders' files together. */
export function sortFiles(files: ProjectFile[]): ProjectFile[] {
  return [...files].sort((a, b) => a.path.localeCompare(b.path));
}
