/** A test file's time in the last run that ran it (ms), by path. */
export type FileDurations = ReadonlyMap<string, number>;

/** The test file a node id belongs to (`tests/test_a.py::test_x` → `tests/test_a.py`). */
export const fileOf = (nodeId: string): string => nodeId.split('::')[0] ?? nodeId;

/**
 * Splits collected node ids into at most `n` groups for parallel interpreters: by test file when there are at least
 * `n` files, else by node id. Files are balanced by their time in the last run when it is known (`durations`), a
 * file not timed yet by the mean time of a test times its tests, and by test counts when nothing is timed: longest
 * first, each to the group with the least so far. Each group keeps collection order; empty groups are dropped.
 */
export function splitTests(nodeIds: string[], n: number, durations: FileDurations = new Map()): string[][] {
  if (n <= 1 || nodeIds.length <= 1) return nodeIds.length ? [nodeIds] : [];
  const byFile = new Map<string, string[]>();
  for (const id of nodeIds) {
    const file = fileOf(id);
    const ids = byFile.get(file);
    if (ids) ids.push(id);
    else byFile.set(file, [id]);
  }
  const groups: Array<{ ids: string[]; load: number }> = Array.from({ length: n }, () => ({ ids: [], load: 0 }));
  if (byFile.size >= n) {
    const timed = [...byFile].filter(([file]) => durations.has(file));
    const timedTests = timed.reduce((sum, [, ids]) => sum + ids.length, 0);
    const perTest = timedTests > 0 ? timed.reduce((sum, [file]) => sum + (durations.get(file) ?? 0), 0) / timedTests : 1;
    const weight = (file: string, ids: string[]): number => durations.get(file) ?? perTest * ids.length;
    const files = [...byFile].map(([file, ids]) => ({ ids, load: weight(file, ids) })).sort((a, b) => b.load - a.load);
    for (const file of files) {
      const least = groups.reduce((best, g) => (g.load < best.load ? g : best));
      least.ids.push(...file.ids);
      least.load += file.load;
    }
  } else {
    const size = Math.ceil(nodeIds.length / n);
    nodeIds.forEach((id, i) => groups[Math.floor(i / size)]?.ids.push(id));
  }
  const order = new Map(nodeIds.map((id, i) => [id, i]));
  return groups.filter((g) => g.ids.length > 0).map((g) => g.ids.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)));
}

/** Each test file's time in a run, from its records (a file's tests' durations added up). */
export function fileDurationsOf(records: ReadonlyArray<{ nodeId: string; durationMs: number }>): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of records) out.set(fileOf(r.nodeId), (out.get(fileOf(r.nodeId)) ?? 0) + r.durationMs);
  return out;
}
