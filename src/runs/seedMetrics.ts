import type { ExecutionResult, RunMetrics, RunStatus } from '../protocol/results.ts';

/**
 * A run's metrics as `engine.getLastExecutionMetrics()` reports them: the seed's names
 * (`execution_time` in seconds, `memory_used` in MB, `cpu_percent`) next to the TypeScript ones.
 */
export interface ExecutionMetrics extends RunMetrics {
  status: RunStatus;
  /** Wall time in seconds (the seed's name). */
  execution_time: number;
  /**
   * The seed's "memory used", in MB: the peak of the run's Python allocations (tracemalloc) when
   * it was traced, else the interpreter heap's growth during the run.
   */
  memory_used: number;
  /** CPU time over wall time, in percent (the seed's name). */
  cpu_percent: number;
  /** Interpreter heap growth during the run, in MB (may be 0: the heap rarely shrinks). */
  heapGrowthMB: number;
}

/** The metrics of `result` with the seed's names added. */
export function toExecutionMetrics(result: ExecutionResult): ExecutionMetrics {
  const m = result.metrics;
  const heapGrowthMB = m.heapEndMB !== undefined && m.heapStartMB !== undefined ? Math.max(0, m.heapEndMB - m.heapStartMB) : 0;
  const cpuPercent = m.cpuPercent ?? (m.wallMs > 0 ? Math.min(100, (m.cpuMs / m.wallMs) * 100) : 0);
  return {
    ...m,
    status: result.status,
    execution_time: m.wallMs / 1000,
    memory_used: m.pythonPeakMB ?? heapGrowthMB,
    cpu_percent: cpuPercent,
    heapGrowthMB,
  };
}
