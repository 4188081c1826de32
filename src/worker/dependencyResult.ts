import { failedResult } from '../protocol/failedResult.ts';
import type { ExecutionResult } from '../protocol/results.ts';

/** The result of a run whose declared dependencies (PEP 723) could not be met: it did not start; every reason, one line each. */
export function dependencyResult(problems: string[]): ExecutionResult {
  const message = `The script's declared dependencies could not be met, so it did not run: ${problems[0] ?? ''}`;
  const traceback =
    `The script's declared dependencies could not be met, so it did not run. Its # /// script block (PEP 723) asks for what cannot be had:\n` +
    `${problems.map((p) => `  - ${p}`).join('\n')}\n` +
    'Fix the block, or change the settings it names (safe mode, allowed modules), then run again.\n';
  return failedResult('error', { type: 'DependencyError', message, traceback, line: null }, true);
}
