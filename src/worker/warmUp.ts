import { DEFAULT_RUN_OPTIONS } from '../protocol/defaultRunOptions.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import { runCode } from './runCode.ts';

// What a first run exercises: compiling, calls, loops, comprehensions, exceptions, strings and output.
const WARM_UP = [
  'def _f(n):',
  '    return sum(i * i for i in range(n))',
  'try:',
  '    {k: str(k) for k in range(200)}[-1]',
  'except KeyError as e:',
  '    repr(e)',
  'print(_f(2000), f"{1.5:.2f}", [x for x in "warm"])',
  '_f(10)',
].join('\n');

/** Runs a small program in a throwaway namespace, its output discarded, so the interpreter's code is compiled before the user's first run. */
export async function warmUp(rt: PythonRuntime, interrupt: Int32Array): Promise<void> {
  try {
    await runCode(
      rt,
      WARM_UP,
      { ...DEFAULT_RUN_OPTIONS, freshNamespace: true, filename: '<warm-up>', collectMetrics: false },
      interrupt,
      () => undefined,
    );
  } catch {
    // A warm-up that fails costs the first run its speed, nothing else.
  }
}
