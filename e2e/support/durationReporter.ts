import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Prints how long the suite took, and its slowest files, when it ends (so changes to its speed show). */
export default class DurationReporter implements Reporter {
  private readonly byFile = new Map<string, number>();

  onTestEnd(test: TestCase, result: TestResult): void {
    const file = test.location.file.replace(/^.*\/e2e\//, 'e2e/');
    this.byFile.set(file, (this.byFile.get(file) ?? 0) + result.duration);
  }

  onEnd(result: FullResult): void {
    const slowest = [...this.byFile]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([file, ms]) => `${file} ${formatDuration(ms)}`)
      .join(', ');
    console.log(`\nEnd-to-end suite: ${result.status} in ${formatDuration(result.duration)}. Slowest files: ${slowest || 'none'}.`);
  }

  printsToStdio(): boolean {
    return true;
  }
}

/** `754000` → `12 min 34 s`. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}
