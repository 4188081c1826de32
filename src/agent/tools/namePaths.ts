/** "a.py, b.py and 3 more": the paths a message names, at most `max` of them. */
export function namePaths(paths: readonly string[], max = 30): string {
  if (paths.length === 0) return '(none)';
  const shown = paths.slice(0, max).join(', ');
  return paths.length > max ? `${shown} and ${paths.length - max} more` : shown;
}
