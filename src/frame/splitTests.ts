/**
 * Splits collected node ids into at most `n` groups for parallel interpreters:
 * by test file when there are at least `n` files (balancing test counts), else by
 * node id. Each group keeps collection order; empty groups are dropped.
 */
export function splitTests(nodeIds: string[], n: number): string[][] {
  if (n <= 1 || nodeIds.length <= 1) return nodeIds.length ? [nodeIds] : [];
  const byFile = new Map<string, string[]>();
  for (const id of nodeIds) {
    const file = id.split('::')[0] ?? id;
    byFile.set(file, [...(byFile.get(file) ?? []), id]);
  }
  const groups: string[][] = Array.from({ length: n }, () => []);
  if (byFile.size >= n) {
    // Largest files first, each to the group with the fewest tests so far.
    const files = [...byFile.values()].sort((a, b) => b.length - a.length);
    for (const ids of files) {
      const smallest = groups.reduce((best, g) => (g.length < best.length ? g : best));
      smallest.push(...ids);
    }
  } else {
    const size = Math.ceil(nodeIds.length / n);
    nodeIds.forEach((id, i) => groups[Math.floor(i / size)]?.push(id));
  }
  const order = new Map(nodeIds.map((id, i) => [id, i]));
  return groups.filter((g) => g.length > 0).map((g) => g.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)));
}
