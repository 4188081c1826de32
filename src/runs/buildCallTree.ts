import type { RawProfileFunction } from '../protocol/profileProtocol.ts';

/** One box of the flame graph: a function reached along one call path, and its time there. */
export interface CallTreeNode {
  key: string;
  name: string;
  file: string;
  line: number;
  /** Time spent in this function along this path (itself and its callees), in ms. */
  valueMs: number;
  children: CallTreeNode[];
}

/** Limits of {@link buildCallTree}. */
export interface CallTreeLimits {
  /** Deepest level drawn. */
  maxDepth?: number;
  /** Paths worth less than this share of the total are left out. */
  minFraction?: number;
}

/**
 * Builds the call tree from cProfile's caller → callee edges. cProfile keeps one edge per
 * pair of functions, not whole stacks, so below the first level a callee's time is split
 * the way its callers' time was (the usual reading, as snakeviz does). Recursion stops at
 * a function already on the path: its time is in the box above.
 */
export function buildCallTree(
  functions: RawProfileFunction[],
  roots: string[],
  totalMs: number,
  limits: CallTreeLimits = {},
): CallTreeNode {
  const maxDepth = limits.maxDepth ?? 40;
  const minMs = totalMs * (limits.minFraction ?? 0.002);
  const byKey = new Map(functions.map((f) => [f.key, f]));
  const callees = new Map<string, Array<{ key: string; cumMs: number }>>();
  for (const f of functions) {
    for (const c of f.callers) {
      const list = callees.get(c.key) ?? [];
      list.push({ key: f.key, cumMs: c.cumMs });
      callees.set(c.key, list);
    }
  }
  const grow = (key: string, valueMs: number, path: Set<string>, depth: number): CallTreeNode => {
    const f = byKey.get(key);
    const node: CallTreeNode = { key, name: f?.name ?? key, file: f?.file ?? '', line: f?.line ?? 0, valueMs, children: [] };
    if (!f || depth >= maxDepth) return node;
    // This path's share of everything the function did.
    const scale = f.cumMs > 0 ? Math.min(1, valueMs / f.cumMs) : 0;
    const kids = (callees.get(key) ?? [])
      .filter((c) => c.key !== key && !path.has(c.key))
      .map((c) => ({ key: c.key, ms: c.cumMs * scale }));
    const sum = kids.reduce((n, c) => n + c.ms, 0);
    const fit = sum > valueMs && sum > 0 ? valueMs / sum : 1; // children never outgrow their parent
    path.add(key);
    for (const c of kids.sort((a, b) => b.ms - a.ms)) {
      const ms = c.ms * fit;
      if (ms >= minMs && ms > 0) node.children.push(grow(c.key, ms, path, depth + 1));
    }
    path.delete(key);
    return node;
  };
  const root: CallTreeNode = { key: '', name: 'program', file: '', line: 0, valueMs: totalMs, children: [] };
  for (const r of roots) {
    const f = byKey.get(r);
    if (f) root.children.push(grow(r, f.cumMs, new Set(), 1));
  }
  return root;
}
