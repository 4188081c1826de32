/** True for a test file by pytest's default naming (test_*.py, *_test.py, or in a tests/ folder) or a node id. */
export function isTestTarget(path: string): boolean {
  if (path.includes('::')) return true;
  const parts = path.split('/');
  const name = parts[parts.length - 1] ?? path;
  return /^test_.*\.py$|_test\.py$/.test(name) || parts.slice(0, -1).some((d) => d === 'tests' || d === 'test');
}
