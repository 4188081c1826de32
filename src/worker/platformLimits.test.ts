import { beforeAll, describe, expect, it } from 'vitest';
import { loadTestRuntime } from '../testing/loadTestRuntime.ts';
import type { PythonRuntime } from './bootPyodide.ts';

let rt: PythonRuntime;
beforeAll(async () => {
  rt = await loadTestRuntime();
});

/** `_executor.platform_limits.platform_limit(text, filenames)` in real Pyodide. */
const label = (text: string, filenames: string[] = []): string | null => {
  const module = rt.pyodide.pyimport('_executor.platform_limits') as { platform_limit(t: string, f: unknown): string | null };
  const files = rt.pyodide.toPy(filenames);
  try {
    return module.platform_limit(text, files) ?? null;
  } finally {
    (files as { destroy?: () => void }).destroy?.();
  }
};

const PLATFORM = 'does not run on Pyodide (WebAssembly): a platform limit, not a bug in the code';

describe('platform limits (real Pyodide in Node)', () => {
  it('labels what the platform says it cannot do', () => {
    expect(label("RuntimeError: can't start new thread")).toBe('needs threads: not available in the browser');
    expect(label('OSError: emscripten does not support processes')).toBe('needs processes: not available in the browser');
    expect(label('this feature is not supported on Emscripten')).toBe(PLATFORM);
    expect(label('Pyodide cannot load shared libraries compiled for x86_64')).toBe(PLATFORM);
    expect(label('OSError: [Errno 52] Function not implemented')).toBe('needs an operating-system function: not available in the browser');
    expect(label('boom', ['/lib/python3.14/threading.py'])).toBe('needs threads: not available in the browser');
  });

  it('does not take an error that merely mentions pyodide for a platform limit', () => {
    // A project whose root is a package was named after the working folder: a naming clash, not a limit.
    expect(label("ModuleNotFoundError: No module named 'pyodide.tests'")).toBeNull();
    expect(label('AssertionError: assert "wasm" in names')).toBeNull();
    // The error came out of the project's own code (innermost last), even though a stdlib frame is further out.
    expect(label('ZeroDivisionError: division by zero', ['/lib/python3.14/threading.py', '/home/workspace/calc.py'])).toBeNull();
  });
});
