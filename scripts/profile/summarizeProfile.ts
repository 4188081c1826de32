/** A V8 CPU profile as the DevTools protocol's Profiler.stop returns it (the parts read here). */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** One function's self time in a profile. */
export interface FunctionCost {
  name: string;
  /** file:line, the file without its folder. */
  where: string;
  selfMs: number;
  /** Of the profile's whole time. */
  share: number;
}

/** The `limit` functions with the most self time, merged by name and place (a function appears in many nodes). */
export function summarizeProfile(profile: CpuProfile, limit: number): FunctionCost[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const cost = new Map<string, FunctionCost>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  for (let i = 0; i < samples.length; i++) {
    const frame = byNode.get(samples[i] as number);
    // A sample's time is the gap to the next sample.
    const ms = (deltas[i + 1] ?? 0) / 1000;
    if (!frame) continue;
    const name = frame.functionName || '(anonymous)';
    const where = frame.url ? `${frame.url.split('/').pop()?.split('?')[0] ?? ''}:${frame.lineNumber + 1}` : '';
    const key = `${name}@${where}`;
    const entry = cost.get(key) ?? { name, where, selfMs: 0, share: 0 };
    entry.selfMs += ms;
    cost.set(key, entry);
  }
  return [...cost.values()]
    .map((c) => ({ ...c, share: totalMs > 0 ? c.selfMs / totalMs : 0 }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, limit);
}
