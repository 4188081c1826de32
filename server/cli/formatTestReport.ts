import { displayPercent } from '../../src/format/displayPercent.ts';
import { lineRanges } from '../../src/engine/describeTestResult.ts';
import type { TestResult } from '../../src/protocol/testProtocol.ts';

const BAD = new Set(['failed', 'error']);

/** pytest's `=== text ===` rule, 80 columns wide. */
function rule(text: string, fill = '='): string {
  const side = Math.max(3, Math.floor((78 - text.length) / 2));
  return `${fill.repeat(side)} ${text} ${fill.repeat(side)}`;
}

/** The coverage table pytest-cov prints (`--cov-report=term-missing`). */
export function coverageTable(result: TestResult): string[] {
  const cov = result.coverage;
  if (!cov) return [];
  const rows = Object.entries(cov.perFile).sort(([a], [b]) => a.localeCompare(b));
  const tests = new Set(cov.testFiles ?? []);
  const measured = rows.filter(([path]) => !tests.has(path));
  const total = (pick: (f: (typeof rows)[number][1]) => number) => String(measured.reduce((n, [, f]) => n + pick(f), 0));
  const totalLabel = tests.size ? 'TOTAL (without tests)' : 'TOTAL';
  const width = Math.max(totalLabel.length, ...rows.map(([path]) => path.length));
  const line = (name: string, stmts: string, miss: string, pct: string, missing: string) =>
    `${name.padEnd(width)}  ${stmts.padStart(5)}  ${miss.padStart(5)}  ${pct.padStart(5)}   ${missing}`.trimEnd();
  return [
    rule('coverage', '-'),
    line('Name', 'Stmts', 'Miss', 'Cover', 'Missing'),
    '-'.repeat(width + 32),
    ...rows.map(([path, f]) =>
      line(path, String(f.statements), String(f.missingLines.length), `${displayPercent(f.percent)}%`, lineRanges(f.missingLines)),
    ),
    '-'.repeat(width + 32),
    line(
      totalLabel,
      total((f) => f.statements),
      total((f) => f.missingLines.length),
      `${displayPercent(cov.totalPercent)}%`,
      '',
    ),
    result.thresholdMet === false ? `FAIL Required test coverage of ${result.threshold}% not reached.` : '',
  ].filter((l) => l !== '');
}

/** What `executor test` prints: failures with their tracebacks, short summary, coverage and pytest's summary line. */
export function formatTestReport(result: TestResult): string {
  const out: string[] = [];
  const bad = result.records.filter((r) => BAD.has(r.outcome));
  if (bad.length) {
    out.push(rule('FAILURES'));
    for (const r of bad) {
      out.push(rule(r.nodeId, '_'), (r.traceback ?? r.message ?? '').trimEnd());
      if (r.stdout) out.push(rule('Captured stdout call', '-'), r.stdout.trimEnd());
    }
  }
  out.push(...coverageTable(result));
  if (bad.length) {
    out.push(rule('short test summary info'));
    for (const r of bad)
      out.push(
        `${r.outcome === 'error' ? 'ERROR' : 'FAILED'} ${r.nodeId}${r.file ? ` (${r.file}:${r.line ?? '?'})` : ''} - ${(r.message ?? '').split('\n')[0]}`,
      );
  }
  if (result.message && result.status !== 'failed') out.push(`executor: ${result.message}`);
  out.push(rule(result.summary || `${result.status} in ${(result.durationMs / 1000).toFixed(2)}s`));
  return out.join('\n');
}
