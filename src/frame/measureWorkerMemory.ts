/** JavaScript bytes per worker script URL, as the browser measured them. */
export type WorkerMemory = Map<string, number>;

interface MemoryBreakdown {
  bytes: number;
  attribution: Array<{ url?: string; scope?: string }>;
}
type Measure = () => Promise<{ breakdown: MemoryBreakdown[] }>;

/**
 * Chromium's `performance.measureUserAgentSpecificMemory()` (cross-origin isolated documents only),
 * reduced to bytes per dedicated worker; null where the browser has no such measurement (Firefox, Safari).
 * A measurement completes at the browser's next garbage collection, in practice within about 15 s.
 */
export function workerMemoryMeasurer(perf: Performance = performance): (() => Promise<WorkerMemory>) | null {
  const measure = (perf as Performance & { measureUserAgentSpecificMemory?: Measure }).measureUserAgentSpecificMemory;
  if (typeof measure !== 'function' || !globalThis.crossOriginIsolated) return null;
  return async () => {
    const result = await measure.call(perf);
    const perWorker: WorkerMemory = new Map();
    for (const entry of result.breakdown) {
      for (const a of entry.attribution) {
        if (a.scope === 'DedicatedWorkerGlobalScope' && a.url) perWorker.set(a.url, (perWorker.get(a.url) ?? 0) + entry.bytes);
      }
    }
    return perWorker;
  };
}
