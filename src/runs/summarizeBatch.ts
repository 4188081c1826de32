import type { ExecutionResult, RunStatus } from '../protocol/results.ts';

/** One block of a batch: a code snippet or a project file, run as `__main__`. */
export interface BatchBlock {
  /** Shown in results: the file's path, or "block 2". Also the run's filename (tracebacks). */
  name: string;
  code: string;
}

/** One step of a batch: its block and result (null when it was skipped after a failure). */
export interface BatchStep {
  index: number;
  name: string;
  result: ExecutionResult | null;
  /** Convenience for the seed's `result['success']`. */
  success: boolean;
  skipped: boolean;
}

/** The first step that did not succeed. */
export interface BatchFailure {
  index: number;
  name: string;
  status: RunStatus;
  /** "ZeroDivisionError: division by zero", or the status when there was no exception. */
  message: string;
}

/** Aggregate of a batch. */
export interface BatchSummary {
  total: number;
  succeeded: number;
  failed: number;
  skipped: number;
  /** Sum of the steps' wall and CPU times, in ms. */
  totalWallMs: number;
  totalCpuMs: number;
  firstFailure: BatchFailure | null;
  /** True when every step ran and succeeded. */
  success: boolean;
}

/** What `engine.executeBatch` resolves to. */
export interface BatchResult {
  steps: BatchStep[];
  summary: BatchSummary;
}

/** Counts and totals of a batch's steps, and its first failure. */
export function summarizeBatch(steps: BatchStep[]): BatchSummary {
  let succeeded = 0;
  let failed = 0;
  let skipped = 0;
  let totalWallMs = 0;
  let totalCpuMs = 0;
  let firstFailure: BatchFailure | null = null;
  for (const step of steps) {
    const r = step.result;
    if (!r) {
      skipped += 1;
      continue;
    }
    totalWallMs += r.metrics.wallMs;
    totalCpuMs += r.metrics.cpuMs;
    if (r.success) {
      succeeded += 1;
      continue;
    }
    failed += 1;
    firstFailure ??= {
      index: step.index,
      name: step.name,
      status: r.status,
      message: r.error ? `${r.error.type}: ${r.error.message}` : `the run ended with status "${r.status}"`,
    };
  }
  return { total: steps.length, succeeded, failed, skipped, totalWallMs, totalCpuMs, firstFailure, success: failed === 0 && skipped === 0 };
}

/** "2 of 3 succeeded in 1.20 s; first failure: model_training.py (ZeroDivisionError: …)". */
export function describeBatch(summary: BatchSummary): string {
  const parts = [`${summary.succeeded} of ${summary.total} succeeded`];
  if (summary.skipped) parts.push(`${summary.skipped} skipped`);
  let text = `${parts.join(', ')} in ${(summary.totalWallMs / 1000).toFixed(2)} s`;
  if (summary.firstFailure) text += `; first failure: ${summary.firstFailure.name} (${summary.firstFailure.message})`;
  return text;
}
