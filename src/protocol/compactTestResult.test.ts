import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryFromZod } from '../testing/arbitraryFromZod.ts';
import { makeTestRecord, makeTestResult } from '../testing/makeTestResult.ts';
import { compactTestResult, compactTestResultSchema, expandTestResult, packLines, unpackLines } from './compactTestResult.ts';
import { FUZZ } from './fuzzSettings.ts';
import { testResultSchema, type TestResult } from './testProtocol.ts';

describe('packLines / unpackLines', () => {
  it("writes increasing lines as coverage.py's ranges and reads them back", () => {
    expect(packLines([])).toBe('');
    expect(packLines([3, 4, 5, 9, 11, 12])).toBe('3-5,9,11-12');
    expect(unpackLines('3-5,9,11-12')).toEqual([3, 4, 5, 9, 11, 12]);
    expect(unpackLines('')).toEqual([]);
  });

  it('keeps lines that are not increasing as they are', () => {
    expect(packLines([5, 3])).toEqual([5, 3]);
    expect(packLines([2, 2])).toEqual([2, 2]);
    expect(packLines([-1])).toEqual([-1]);
    expect(unpackLines([5, 3])).toEqual([5, 3]);
  });

  it('refuses a range that runs backwards or would be absurdly long', () => {
    expect(() => unpackLines('9-3')).toThrow(/9-3/);
    expect(() => unpackLines('1-99999999999')).toThrow(/not a range/);
  });

  it('round-trips any list of whole numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5000 })), (lines) => {
        expect(unpackLines(packLines(lines))).toEqual(lines);
      }),
      FUZZ,
    );
  });
});

/** A coverage result as large projects make them: many files, each with runs of missed lines and suggestions. */
function coverageResult(files: number): TestResult {
  const perFile: Record<string, NonNullable<TestResult['coverage']>['perFile'][string]> = {};
  const suggestions: NonNullable<TestResult['coverage']>['suggestions'] = [];
  for (let i = 0; i < files; i += 1) {
    const path = `package/sub_${i % 7}/module_${i}.py`;
    // Blocks of one to six missed lines, eight lines apart.
    const missing = Array.from({ length: 40 }, (_, k) => Array.from({ length: 1 + (k % 6) }, (_, j) => 10 + k * 8 + j)).flat();
    perFile[path] = { statements: 400, missingLines: missing, partialLines: [12, 40], branches: 30, missingBranches: 4, percent: 71.5 };
    suggestions.push({ path, function: `function_${i}`, lines: missing.slice(0, 10) });
  }
  const records = Array.from({ length: files }, (_, i) =>
    makeTestRecord({ nodeId: `tests/test_module_${i}.py::test_it`, file: `tests/test_module_${i}.py`, line: 3 }),
  );
  return makeTestResult({
    records,
    collected: records.map((r) => r.nodeId),
    coverage: { totalPercent: 71.5, testFiles: ['tests/test_module_0.py'], perFile, suggestions, problems: [] },
  });
}

describe('compactTestResult / expandTestResult', () => {
  it('expands to exactly the result it was made from, and checks against its schema', () => {
    const result = coverageResult(50);
    const compact = compactTestResult(result);
    expect(compactTestResultSchema.safeParse(compact).success).toBe(true);
    expect(expandTestResult(compact)).toEqual(result);
  });

  it('interns node ids and paths: a node id collected and recorded is sent once', () => {
    const compact = compactTestResult(coverageResult(3));
    expect(compact.strings.filter((s) => s === 'tests/test_module_1.py::test_it')).toHaveLength(1);
    expect(compact.collected).toEqual(compact.records.map((r) => r[0]));
    expect(compact.coverage?.files[0]?.missing).toMatch(/^\d+(-\d+)?(,\d+(-\d+)?)*$/);
  });

  it('sends a large result in under two thirds of the characters (a third of them in its records)', () => {
    const result = coverageResult(1000);
    expect(JSON.stringify(compactTestResult(result)).length).toBeLessThan(JSON.stringify(result).length * 0.65);
    expect(JSON.stringify(compactTestResult(result).records).length).toBeLessThan(JSON.stringify(result.records).length / 3);
  });

  it('round-trips any result the schema allows', () => {
    const results = arbitraryFromZod(testResultSchema).filter((r) => testResultSchema.safeParse(r).success) as fc.Arbitrary<TestResult>;
    fc.assert(
      fc.property(results, (result) => {
        const compact = compactTestResult(result);
        expect(compactTestResultSchema.safeParse(structuredClone(compact)).success).toBe(true);
        expect(expandTestResult(structuredClone(compact))).toEqual(result);
      }),
      { ...FUZZ, numRuns: Math.min(FUZZ.numRuns ?? 100, 60) },
    );
  });

  it('refuses a compact result whose references point outside its string table', () => {
    const compact = compactTestResult(coverageResult(2));
    expect(() => expandTestResult({ ...compact, collected: [999] })).toThrow(/string 999 is not in its table/);
  });
});
