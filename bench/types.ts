import type { Stats } from './summarize.ts';

/** One line of the results table: a measured figure and what it is compared with. */
export interface BenchRow {
  /** The figure it belongs to, e.g. "1. Start". */
  figure: string;
  /** What was measured. */
  measure: string;
  unit: 'ms' | 'MB' | 's' | 'calls/s';
  /** The measured value; null for a placeholder row. */
  subject: Stats | null;
  /** What it is compared with (e.g. "bare Pyodide worker"), or null. */
  baselineName: string | null;
  baseline: Stats | null;
  /** subject median / baseline median, or null without a baseline. */
  ratio: number | null;
  note?: string;
}

/** The machine the numbers come from. */
export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGB: number;
  os: string;
  node: string;
  chromium: string;
  pyodide: string;
  python: string;
  /** 1-minute load average when the run started and when it ended (other work on the machine skews timings). */
  loadAverage: { start: number; end: number | null };
}

/** Everything a bench run writes to bench/results/latest.json. */
export interface BenchReport {
  startedAt: string;
  durationS: number;
  machine: MachineInfo;
  rows: BenchRow[];
  /** Extra raw figures that are not table rows. */
  extras: Record<string, unknown>;
}

/** Builds a row, computing the ratio of medians. */
export function row(
  figure: string,
  measure: string,
  unit: BenchRow['unit'],
  subject: Stats | null,
  baselineName: string | null = null,
  baseline: Stats | null = null,
  note?: string,
): BenchRow {
  const ratio = subject && baseline && baseline.median !== 0 ? subject.median / baseline.median : null;
  return { figure, measure, unit, subject, baselineName, baseline, ratio, ...(note ? { note } : {}) };
}
