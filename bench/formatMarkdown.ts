import type { Stats } from './summarize.ts';
import type { BenchReport, BenchRow } from './types.ts';

function num(v: number): string {
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a < 1) return v.toFixed(3);
  if (a < 10) return v.toFixed(2);
  if (a < 100) return v.toFixed(1);
  return Math.round(v).toLocaleString('en');
}

function cell(stats: Stats | null, unit: BenchRow['unit']): string {
  if (!stats) return '—';
  const spread = stats.n > 1 ? ` (${num(stats.min)}–${num(stats.max)})` : '';
  return `${num(stats.median)} ${unit}${spread}`;
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** The results as a Markdown document: machine description, then one table row per figure. */
export function formatMarkdown(report: BenchReport): string {
  const m = report.machine;
  const lines = [
    '# Executor benchmarks',
    '',
    `Run ${report.startedAt}, took ${report.durationS.toFixed(0)} s. Values are the median of n samples, (min–max) in brackets.`,
    'Ratio = Executor median / baseline median (above 1: Executor is slower or larger). Timings are informative only; no test asserts them.',
    '',
    `- CPU: ${m.cpuModel}, ${m.cores} cores; memory ${m.memoryGB} GB`,
    `- OS: ${m.os}`,
    `- Node ${m.node}; Chromium ${m.chromium} (headless); Pyodide ${m.pyodide}; native ${m.python}`,
    `- Load average (1 min) at start ${m.loadAverage.start}, at end ${m.loadAverage.end ?? '?'} (on ${m.cores} cores; higher means other work skewed the timings)`,
    '',
    '| Figure | Measure | Executor | Baseline | Baseline value | Ratio | n | Note |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of report.rows) {
    if (!r.subject) {
      lines.push(`| ${escape(r.figure)} | ${escape(r.measure)} | — | — | — | — | — | ${escape(r.note ?? '')} |`);
      continue;
    }
    const ratio = r.ratio === null ? '—' : `${r.ratio >= 10 ? r.ratio.toFixed(0) : r.ratio.toFixed(2)}×`;
    lines.push(
      `| ${escape(r.figure)} | ${escape(r.measure)} | ${cell(r.subject, r.unit)} | ${escape(r.baselineName ?? '—')} | ` +
        `${cell(r.baseline, r.unit)} | ${ratio} | ${r.subject.n} | ${escape(r.note ?? '')} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}
