/** Test results in words, for the Tests panel and the agent alike. */
import type { TestResult } from '../protocol/testProtocol.ts';

/** "3-5, 9" for [3, 4, 5, 9]. */
export function lineRanges(lines: readonly number[]): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j += 1;
    out.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return out.join(', ');
}

/** "line 18" or "lines 3-5, 9": lineRanges with the right noun. */
export function linesPhrase(lines: readonly number[]): string {
  return `${new Set(lines).size === 1 ? 'line' : 'lines'} ${lineRanges(lines)}`;
}

/** "1 failed, 11 passed, 2 skipped, 1 xfailed in 0.41s": pytest's own summary line. */
export function testCountsLine(r: TestResult): string {
  return r.summary;
}
