/** The seed's ExecutorConfig.PYTEST_ARGS. */
export const DEFAULT_PYTEST_ARGS: readonly string[] = ['-v', '--tb=short'];
/** The seed's ExecutorConfig.COVERAGE_THRESHOLD, in percent. */
export const DEFAULT_COVERAGE_THRESHOLD = 80;
