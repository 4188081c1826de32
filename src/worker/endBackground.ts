import type { PyProxy } from 'pyodide/ffi';
import type { PythonRuntime } from './bootPyodide.ts';
import type { RunScope } from './createRunScope.ts';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * Ends whatever a finished program left running: its asyncio tasks are cancelled (and
 * waited for, inside the run's time limit), then its JS timers, intervals and nested
 * workers are cancelled. Says what was cancelled in one line.
 */
export async function endBackground(rt: PythonRuntime, scope: RunScope, notify: (text: string) => void): Promise<void> {
  let tasks = 0;
  const waiting = rt.runner.cancel_background() as PyProxy | undefined;
  if (waiting) {
    try {
      tasks = (await (waiting as unknown as Promise<number>)) ?? 0;
    } finally {
      waiting.destroy();
    }
  }
  const left = scope.end();
  const parts = [
    tasks && plural(tasks, 'asyncio task', 'asyncio tasks'),
    left.timers && plural(left.timers, 'timer', 'timers'),
    left.workers && plural(left.workers, 'worker', 'workers'),
  ].filter(Boolean);
  if (parts.length > 0)
    notify(`The program left ${parts.join(', ')} running when it ended; they were cancelled, as a run's work ends with it.`);
}
