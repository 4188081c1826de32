import { refusingDiagnostics, type RunPolicy } from '../protocol/policy.ts';
import type { ProjectFile } from '../protocol/testProtocol.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import { validateCode } from './validateCode.ts';

/**
 * validate_code over every Python file of a project, as a run does over its code:
 * in safe mode, the error diagnostics that refuse the test run, one line each
 * (`tests/test_x.py:3: ... (rule) suggestion`), with what to do; null when nothing refuses.
 * The files must already be in the working folder (imports of session modules are checked there).
 */
export function refuseUnsafeProject(rt: PythonRuntime, files: ProjectFile[], policy: RunPolicy | undefined): string | null {
  if (!policy?.sandboxMode) return null;
  const lines: string[] = [];
  for (const file of files) {
    if (!file.path.endsWith('.py') || !('content' in file)) continue;
    for (const d of refusingDiagnostics(validateCode(rt, file.content, policy))) {
      lines.push(`${file.path}:${d.line}: ${d.message} (${d.rule}) ${d.suggestion}`);
    }
  }
  if (lines.length === 0) return null;
  return [
    `Safe mode refused to run the tests (${lines.length} problem${lines.length === 1 ? '' : 's'}):`,
    ...lines.map((l) => `  ${l}`),
    'Fix these, or turn off safe mode in Settings if you trust this code.',
  ].join('\n');
}
