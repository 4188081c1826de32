import { MAX_TEST_WORKERS } from '../protocol/testProtocol.ts';

/** The seed's ExecutorConfig.PYTEST_ARGS. */
export const DEFAULT_PYTEST_ARGS: readonly string[] = ['-v', '--tb=short'];
/** The seed's ExecutorConfig.COVERAGE_THRESHOLD, in percent. */
export const DEFAULT_COVERAGE_THRESHOLD = 80;

/** Interpreters a parallel test run uses by default: one per core but one, at least 1. */
export function defaultParallelism(cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2): number {
  return Math.min(MAX_TEST_WORKERS, Math.max(1, cores - 1));
}
