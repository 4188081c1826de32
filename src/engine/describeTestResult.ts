/** Test results in words, for the Tests panel and the agent alike. */
import type { TestResult } from '../protocol/testProtocol.ts';
import { packLines } from '../protocol/compactTestResult.ts';

/** "3-5, 9" for [3, 4, 5, 9], in any order: coverage.py's ranges as the wire carries them, spaced for reading. */
export function lineRanges(lines: readonly number[]): string {
  const packed = packLines([...new Set(lines)].sort((a, b) => a - b));
  return typeof packed === 'string' ? packed.replaceAll(',', ', ') : packed.join(', ');
}

/** "line 18" or "lines 3-5, 9": lineRanges with the right noun. */
export function linesPhrase(lines: readonly number[]): string {
  return `${new Set(lines).size === 1 ? 'line' : 'lines'} ${lineRanges(lines)}`;
}

/** "1 failed, 11 passed, 2 skipped, 1 xfailed in 0.41s": pytest's own summary line. */
export function testCountsLine(r: TestResult): string {
  return r.summary;
}
