/**
 * A TestResult as the frame sends it: line lists as ranges ("3-5,9", coverage.py's own "Missing" notation), node ids
 * and file paths interned in one string table, and each test's record a tuple rather than an object with its keys.
 * It carries exactly what a TestResult does: expanded, it is equal to the result it was made from.
 */
import * as z from 'zod';
import { testOutcomeSchema, testResultSchema, type TestRecord, type TestResult } from './testProtocol.ts';

const RANGES = /^(?:\d+(?:-\d+)?(?:,\d+(?:-\d+)?)*)?$/;
/** Lines as ranges when they are increasing whole numbers (always, from coverage.py), else as they are. */
const linesSchema = z.union([z.string().regex(RANGES, 'line ranges like "3-5,9"'), z.array(z.number().int())]);
const ref = z.number().int().nonnegative();

/** A record as a tuple, in TestRecord's order: nodeId and file refer to the string table. */
const compactRecordSchema = z.tuple([
  ref,
  testOutcomeSchema,
  z.number(),
  z.string().nullable(),
  z.string().nullable(),
  ref.nullable(),
  z.number().int().nullable(),
  z.string(),
  z.string(),
  z.string().nullable(),
]);
const compactFileSchema = z.object({
  path: ref,
  statements: z.number().int(),
  missing: linesSchema,
  partial: linesSchema,
  branches: z.number().int(),
  missingBranches: z.number().int(),
  percent: z.number(),
});

/** The compact form of a TestResult (see the module). */
export const compactTestResultSchema = testResultSchema.extend({
  strings: z.array(z.string()),
  records: z.array(compactRecordSchema),
  collected: z.array(ref),
  coverage: z
    .object({
      totalPercent: z.number(),
      testFiles: z.array(ref).optional(),
      files: z.array(compactFileSchema),
      suggestions: z.array(z.object({ path: ref, function: z.string(), lines: linesSchema })),
      problems: z.array(z.string()),
    })
    .nullable(),
});
/** A TestResult as the frame sends it. */
export type CompactTestResult = z.infer<typeof compactTestResultSchema>;

/** "3-5,9" for [3, 4, 5, 9]; a list that is not increasing whole numbers stays a list. */
export function packLines(lines: readonly number[]): string | number[] {
  if (lines.some((n, i) => n < 0 || (i > 0 && n <= (lines[i - 1] as number)))) return [...lines];
  const out: string[] = [];
  for (let i = 0; i < lines.length;) {
    let j = i;
    while (j + 1 < lines.length && (lines[j + 1] as number) === (lines[j] as number) + 1) j += 1;
    out.push(i === j ? `${lines[i]}` : `${lines[i]}-${lines[j]}`);
    i = j + 1;
  }
  return out.join(',');
}

/** The lines of {@link packLines}'s answer; throws on a range that runs backwards or is absurdly long. */
export function unpackLines(packed: string | readonly number[]): number[] {
  if (typeof packed !== 'string') return [...packed];
  if (packed === '') return [];
  const out: number[] = [];
  for (const part of packed.split(',')) {
    const [a, b = a] = part.split('-').map(Number) as [number, number?];
    if (b < a || b - a > 10_000_000) throw new Error(`line range ${part} is not a range of lines`);
    for (let n = a; n <= b; n += 1) out.push(n);
  }
  return out;
}

/** Packs a TestResult for the channel. */
export function compactTestResult(result: TestResult): CompactTestResult {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const intern = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.push(s) - 1;
      index.set(s, i);
    }
    return i;
  };
  const records = result.records.map((r): CompactTestResult['records'][number] => [
    intern(r.nodeId),
    r.outcome,
    r.durationMs,
    r.message,
    r.traceback,
    r.file === null ? null : intern(r.file),
    r.line,
    r.stdout,
    r.stderr,
    r.platform,
  ]);
  const collected = result.collected.map(intern);
  const cov = result.coverage;
  const coverage = cov && {
    totalPercent: cov.totalPercent,
    ...(cov.testFiles ? { testFiles: cov.testFiles.map(intern) } : {}),
    files: Object.entries(cov.perFile).map(([path, f]) => ({
      path: intern(path),
      statements: f.statements,
      missing: packLines(f.missingLines),
      partial: packLines(f.partialLines),
      branches: f.branches,
      missingBranches: f.missingBranches,
      percent: f.percent,
    })),
    suggestions: cov.suggestions.map((s) => ({ path: intern(s.path), function: s.function, lines: packLines(s.lines) })),
    problems: cov.problems,
  };
  return { ...result, strings, records, collected, coverage };
}

/** The TestResult a compact one was made from; throws an Error saying what is wrong if it does not hold together. */
export function expandTestResult(compact: CompactTestResult): TestResult {
  const { strings, ...rest } = compact;
  const at = (i: number): string => {
    const s = strings[i];
    if (s === undefined) throw new Error(`string ${i} is not in its table of ${strings.length}`);
    return s;
  };
  const records = compact.records.map(
    ([nodeId, outcome, durationMs, message, traceback, file, line, stdout, stderr, platform]): TestRecord => ({
      nodeId: at(nodeId),
      outcome,
      durationMs,
      message,
      traceback,
      file: file === null ? null : at(file),
      line,
      stdout,
      stderr,
      platform,
    }),
  );
  const cov = compact.coverage;
  const coverage = cov && {
    totalPercent: cov.totalPercent,
    ...(cov.testFiles ? { testFiles: cov.testFiles.map(at) } : {}),
    perFile: Object.fromEntries(
      cov.files.map((f) => [
        at(f.path),
        {
          statements: f.statements,
          missingLines: unpackLines(f.missing),
          partialLines: unpackLines(f.partial),
          branches: f.branches,
          missingBranches: f.missingBranches,
          percent: f.percent,
        },
      ]),
    ),
    suggestions: cov.suggestions.map((s) => ({ path: at(s.path), function: s.function, lines: unpackLines(s.lines) })),
    problems: cov.problems,
  };
  return { ...rest, records, collected: compact.collected.map(at), coverage };
}
