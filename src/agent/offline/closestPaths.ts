/** Edit distance between two strings (Levenshtein), for "did you mean" on file names. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j] ?? 0;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/** Up to three project files whose names are close to `path` (by name, or one containing the other). */
export function closestPaths(path: string, files: readonly string[]): string[] {
  const base = (p: string) => (p.split('/').pop() ?? p).replace(/\.py$/, '').toLowerCase();
  const wanted = base(path);
  return files
    .map((f) => ({ f, d: base(f).includes(wanted) || wanted.includes(base(f)) ? 0.5 : distance(base(f), wanted) }))
    .filter(({ d }) => d <= Math.max(3, wanted.length / 2))
    .sort((a, b) => a.d - b.d || a.f.localeCompare(b.f))
    .slice(0, 3)
    .map(({ f }) => f);
}
