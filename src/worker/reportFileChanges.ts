import type { WorkerToFrame } from '../protocol/frameWorker.ts';
import { formatBytes } from '../format/formatBytes.ts';
import { MAX_FILE_BYTES } from '../protocol/testProtocol.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import { workspaceOf } from './workspaceOf.ts';
import { transferOf } from '../protocol/transferOf.ts';

/**
 * After a run or a test run: sends the page what the program did to the working folder (one change set, its
 * bytes handed over rather than copied), and one console line for each file left out over a cap.
 */
export function reportFileChanges(rt: PythonRuntime, post: (msg: WorkerToFrame, transfer?: Transferable[]) => void): void {
  const changes = workspaceOf(rt).changes();
  for (const { path, bytes } of changes.skipped) {
    const why =
      bytes > MAX_FILE_BYTES ? `over the ${formatBytes(MAX_FILE_BYTES)} a project file may hold` : 'past what the project may hold';
    post({
      type: 'notice',
      level: 'warning',
      text: `${path} (${formatBytes(bytes)}) was left out of the project: ${why}. It stays in the interpreter until Restart.`,
    });
  }
  if (changes.written.length === 0 && changes.deleted.length === 0) return;
  post({ type: 'files-changed', changes }, transferOf(changes));
}
