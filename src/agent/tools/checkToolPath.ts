/**
 * Checks a path a tool was given before anything reads or writes it: only paths
 * relative to the project, never absolute ones or ones that climb out with "..".
 * Returns the path without a leading "./", or an Error message saying what to send instead.
 */
export function checkToolPath(raw: string): { path: string } | { error: string } {
  const path = raw.trim();
  if (!path) return { error: 'The path is empty: give a path relative to the project, like "calc.py" or "tests/test_calc.py".' };
  if (/^[\\/~]/.test(path) || /^[A-Za-z]:/.test(path) || /^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    return {
      error: `"${path}" is an absolute path (or a URL). Only files inside the project can be used: give a relative path like "calc.py" or "tests/test_calc.py".`,
    };
  }
  if (path.split(/[\\/]/).includes('..')) {
    return {
      error: `"${path}" contains "..": paths may not leave the project. Give a path relative to the project root, like "tests/test_calc.py".`,
    };
  }
  return { path: path.replace(/\\/g, '/').replace(/^(\.\/)+/, '') };
}
