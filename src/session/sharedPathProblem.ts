import { FORBIDDEN_PATH_CHAR } from '../project/projectModel.ts';
import { MAX_SESSION_PATH_CHARS } from './sessionLimits.ts';

/**
 * What is wrong with a file path that came from outside (a link, a session file), or null.
 * Stricter than a path typed in the app: nothing is cleaned up, so an absolute path, a
 * backslash, `.` or `..` is refused rather than rewritten.
 */
export function sharedPathProblem(path: string): string | null {
  if (path === '') return 'a file has an empty path';
  if (path.length > MAX_SESSION_PATH_CHARS) return `a file path is longer than ${MAX_SESSION_PATH_CHARS} characters`;
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return `the file "${path}" has an absolute path`;
  if (path.includes('\\')) return `the file "${path}" has a backslash in its path`;
  const parts = path.split('/');
  if (parts.includes('..')) return `the file "${path}" has ".." in its path`;
  if (parts.some((p) => p === '' || p === '.')) return `the file "${path}" has an empty or "." part in its path`;
  if (FORBIDDEN_PATH_CHAR.test(path)) return `the file "${path}" has a character file names cannot have`;
  return null;
}
