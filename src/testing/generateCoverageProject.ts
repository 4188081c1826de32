import type { TextFile } from '../protocol/testProtocol.ts';

/** Size of {@link generateCoverageProject}'s project. */
export interface CoverageProjectSize {
  /** Modules under `pkg/`, each with a test file of its own. */
  modules: number;
  /** Functions per module: each runs its first and last line and misses the one between. */
  functions: number;
}

/** The benchmark's project: 1,000 covered files (and their 1,000 test files) whose coverage result is over 2 MB. */
export const THOUSAND_FILE_PROJECT: CoverageProjectSize = { modules: 1000, functions: 24 };

/** The end-to-end test's: as many functions in fewer files, so it runs well inside the default 30 s limit. */
export const BIG_COVERAGE_PROJECT: CoverageProjectSize = { modules: 240, functions: 100 };

const name = (m: number, f: number) => `normalise_the_measurement_of_sample_${String(m).padStart(4, '0')}_${String(f).padStart(2, '0')}`;

/**
 * A project whose coverage result is large the way a big library's is: many files, each with many partly
 * covered functions (so many missing lines, partial branches and "suggest tests for" entries).
 */
export function generateCoverageProject({ modules, functions }: CoverageProjectSize): TextFile[] {
  const files: TextFile[] = [{ path: 'pkg/__init__.py', content: '' }];
  for (let m = 0; m < modules; m += 1) {
    const mod = `sample_${String(m).padStart(4, '0')}`;
    const body = Array.from({ length: functions }, (_, f) => `def ${name(m, f)}(x):\n    if x:\n        return -x\n    return x\n`);
    files.push({ path: `pkg/${mod}.py`, content: body.join('\n\n') });
    files.push({
      path: `tests/test_${mod}.py`,
      content: `from pkg import ${mod}\n\n\ndef test_${mod}():\n    for f in vars(${mod}).values():\n        if callable(f):\n            assert f(0) == 0\n`,
    });
  }
  return files;
}
