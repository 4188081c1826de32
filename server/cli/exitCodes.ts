/**
 * The CLI's exit codes (the README's "Command line" lists them). `run` follows the shell's conventions (124 for a
 * time limit, like timeout(1)); `test` exits as pytest does (0 passed, 1 tests failed, 2 interrupted, 3 internal
 * error, 4 usage error, 5 no tests collected), and 6 when safe mode refused the project.
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
  /** test: safe mode refused the project's code, so no test ran (pytest has no such code; 6 is past its own). */
  testRefused: 6,
  /** Executor itself could not run (no Chromium, no built app, Python did not start). */
  executor: 70,
  /** run: the time limit stopped the program. */
  timeout: 124,
  /** run: the memory limit stopped the program. */
  memory: 125,
  /** run: the interpreter crashed or was stopped. */
  crashed: 126,
} as const;

/** What a shell user does about a safe-mode refusal (the page's message speaks of its Settings). */
export const SAFE_MODE_HINT =
  'executor: safe mode (EXECUTOR_SANDBOX_MODE) refused the code. If you trust it, run with EXECUTOR_SANDBOX_MODE=false, or allow the module with EXECUTOR_ALLOWED_MODULES.';
