/**
 * The CLI's exit codes (the README's "Command line" lists them). `run` follows the shell's conventions (124 for a
 * time limit, like timeout(1)); `test` exits as pytest does (0 passed, 1 tests failed, 2 interrupted, 3 internal
 * error, 4 usage error, 5 no tests collected).
 */
export const EXIT = {
  ok: 0,
  /** run: the program raised an exception (or called sys.exit(1)). */
  error: 1,
  /** run and mcp: the command line is wrong. */
  usage: 2,
  /** run: safe mode refused the code before it ran. */
  security: 3,
  /** test: pytest's usage error. */
  testUsage: 4,
  /** Executor itself could not run (no Chromium, no built app, Python did not start). */
  executor: 70,
  /** run: the time limit stopped the program. */
  timeout: 124,
  /** run: the memory limit stopped the program. */
  memory: 125,
  /** run: the interpreter crashed or was stopped. */
  crashed: 126,
} as const;
