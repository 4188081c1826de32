import type { CoverageReport, FileCoverage, FileCoverageFacts, TestSuggestion } from '../protocol/testProtocol.ts';

const TEST_FILE = /(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$/;

/** Whether a path is a pytest test file (or conftest.py), which the coverage total leaves out. */
export const isTestFile = (path: string): boolean => TEST_FILE.test(path);

/**
 * Merges the coverage facts of one or more interpreters into one report, with
 * coverage.py's own arithmetic (`coverage.results.Analysis`): a line (or a branch
 * exit) is missing when every interpreter missed it; percent =
 * (executed statements + executed branch exits) / (statements + branch exits).
 * One interpreter's facts give exactly coverage.py's numbers. The total counts
 * the code under test: test files are listed but left out (as coverage.py's
 * `omit` would), unless the project has nothing else.
 */
export function mergeCoverage(parts: Array<Record<string, FileCoverageFacts>>): CoverageReport {
  // A Map, then own properties: a file may be named anything, `__proto__` included.
  const perFile = new Map<string, FileCoverage>();
  const suggestions: TestSuggestion[] = [];
  const problems: string[] = [];
  const totals = { code: { num: 0, den: 0 }, tests: { num: 0, den: 0 } };
  const testFiles: string[] = [];
  const paths = [...new Set(parts.flatMap((p) => Object.keys(p)))].sort();
  for (const path of paths) {
    const facts = parts.flatMap((p) => (Object.hasOwn(p, path) && p[path] ? [p[path]] : []));
    const first = facts[0];
    if (!first) continue;
    const broken = facts.find((f) => f.error);
    if (broken?.error || !first.statements) {
      problems.push(`${path}: ${broken?.error ?? 'not analyzed'}`);
      continue;
    }
    const missing = intersect(facts.map((f) => f.missing));
    const missingSet = new Set(missing);
    // Each interpreter's branches by line: one lookup each, not a scan per branch.
    const byLine = facts.map((f) => new Map(f.branches.map((b) => [b.line, b.missed])));
    let branches = 0;
    let missingBranches = 0;
    const partial: number[] = [];
    for (const branch of first.branches) {
      const missed = intersect(byLine.map((m) => m.get(branch.line) ?? []));
      branches += branch.exits;
      missingBranches += missed.length;
      if (missed.length > 0 && !missingSet.has(branch.line)) partial.push(branch.line);
    }
    const statements = first.statements.length;
    const executed = statements - missing.length + branches - missingBranches;
    const total = statements + branches;
    const bucket = isTestFile(path) ? totals.tests : totals.code;
    if (isTestFile(path)) testFiles.push(path);
    bucket.num += executed;
    bucket.den += total;
    perFile.set(path, {
      statements,
      missingLines: missing,
      partialLines: partial,
      branches,
      missingBranches,
      percent: statements > 0 ? (100 * executed) / total : 100,
    });
    if (!isTestFile(path)) {
      for (const fn of first.functions) {
        const lines = missing.filter((l) => l >= fn.start && l <= fn.end);
        const inner = first.functions.some(
          (g) => g !== fn && g.start >= fn.start && g.end <= fn.end && lines.some((l) => l >= g.start && l <= g.end),
        );
        if (lines.length > 0 && !inner) suggestions.push({ path, function: fn.name, lines });
      }
    }
  }
  const counted = totals.code.den > 0 ? totals.code : { num: totals.code.num + totals.tests.num, den: totals.code.den + totals.tests.den };
  const excluded = totals.code.den > 0 ? testFiles : [];
  return {
    totalPercent: counted.den > 0 ? (100 * counted.num) / counted.den : 100,
    testFiles: excluded,
    perFile: Object.fromEntries(perFile),
    suggestions,
    problems,
  };
}

function intersect(lists: number[][]): number[] {
  const [first, ...rest] = lists;
  if (!first) return [];
  const others = rest.map((l) => new Set(l));
  return first.filter((x) => others.every((s) => s.has(x))).sort((a, b) => a - b);
}
