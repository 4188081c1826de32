import { mcpCommand } from './mcpCommand.ts';
import { runCommand } from './runCommand.ts';
import { testCommand } from './testCommand.ts';
import { UsageError } from './UsageError.ts';
import { EXIT } from './exitCodes.ts';

/** `executor --help`. */
export const USAGE = `Executor: run untrusted Python in a browser sandbox (headless Chromium), from the shell or an MCP client.

Usage:
  executor run SCRIPT.py [--stdin FILE] [--timeout S] [--json] [--write-back]
  executor test [PATHS...] [--cov] [--json] [--junit FILE] [--write-back] [-- PYTEST_ARGS...]
  executor mcp [--http [--port N] [--host ADDRESS]]

The current folder's files are the project: SCRIPT.py can import and read them, and test runs pytest on them.
The files a run creates or changes are listed; --write-back copies them into the folder (never outside it,
never deleting anything).
Exit codes are listed in the README ("Command line").
Settings: EXECUTOR_* variables (EXECUTOR_TIMEOUT, EXECUTOR_MAX_MEMORY, EXECUTOR_SANDBOX_MODE, ...), CHROMIUM_PATH.`;

/** Runs the command line `argv` (without node and the script); resolves to the exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        return await runCommand(rest, env);
      case 'test':
        return await testCommand(rest, env);
      case 'mcp':
        return await mcpCommand(rest, env);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(USAGE);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (err) {
    if (err instanceof UsageError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`executor: ${err.message}\n\n${USAGE}`);
      return command === 'test' ? EXIT.testUsage : EXIT.usage;
    }
    console.error(`executor: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT.executor;
  }
}
