import { describe, expect, it, vi } from 'vitest';
import type { ErrorAdvice } from '../../engine/handleError.ts';
import { parseProfile } from '../../runs/parseProfile.ts';
import type { RunOptions } from '../../protocol/results.ts';
import type { RawProfile } from '../../protocol/profileProtocol.ts';
import { createFakeToolContext } from '../../testing/createFakeToolContext.ts';
import { makeResult } from '../../testing/makeResult.ts';
import { invokeTool } from './defineTool.ts';
import { profileCodeTool, type ProfileData } from './profileCode.ts';

const BUBBLE = `def bubble_sort(arr):
    n = len(arr)
    for i in range(n):
        for j in range(0, n - i - 1):
            if arr[j] > arr[j + 1]:
                arr[j], arr[j + 1] = arr[j + 1], arr[j]
    return arr

print(bubble_sort(list(range(300, 0, -1)))[:3])
`;

/** cProfile's measurements of BUBBLE as the worker sends them, for a program run as `file`. */
function rawProfile(file: string): RawProfile {
  return {
    roots: [`${file}:1(<module>)`],
    totalMs: 200,
    omitted: 0,
    functions: [
      { key: `${file}:1(<module>)`, name: '<module>', file, line: 1, calls: 1, primitiveCalls: 1, ownMs: 4, cumMs: 200, callers: [] },
      {
        key: `${file}:1(bubble_sort)`,
        name: 'bubble_sort',
        file,
        line: 1,
        calls: 1,
        primitiveCalls: 1,
        ownMs: 190,
        cumMs: 195,
        callers: [{ key: `${file}:1(<module>)`, calls: 1, ownMs: 190, cumMs: 195 }],
      },
      {
        key: '~:0(<built-in method builtins.len>)',
        name: 'built-in method builtins.len',
        file: '~',
        line: 0,
        calls: 1,
        primitiveCalls: 1,
        ownMs: 5,
        cumMs: 5,
        callers: [{ key: `${file}:1(bubble_sort)`, calls: 1, ownMs: 5, cumMs: 5 }],
      },
    ],
  };
}

function setup(files = [{ path: 'sort.py', content: BUBBLE }]) {
  const profileCode = vi.fn(async (_code: string, options: Partial<RunOptions> = {}) => {
    const result = makeResult({ stdout: '[1, 2, 3]\n' });
    return { result, profile: parseProfile(rawProfile(options.filename ?? 'main.py')) };
  });
  const ctx = createFakeToolContext({ engine: { profileCode }, files, active: 'sort.py' });
  return { ctx, profileCode };
}

describe('profile_code', () => {
  it("profiles the given code within the user's limits and reports the top functions, the hottest one and suggestions", async () => {
    const { ctx, profileCode } = setup();
    const outcome = await invokeTool(profileCodeTool, { code: BUBBLE }, ctx);
    expect(profileCode).toHaveBeenCalledWith(BUBBLE, { timeoutMs: 7000, maxMemoryMB: 256, maxOutputChars: 5000 });
    expect(outcome.ok).toBe(true);
    expect(outcome.summary).toBe('Profiled: 200.0 ms in total; most time in bubble_sort (line 1, 95% own time).');
    const data = outcome.data as ProfileData;
    expect(data.hottest).toBe('bubble_sort');
    expect(data.top.map((f) => [f.name, f.percent, f.own])).toEqual([
      ['bubble_sort', 95, true],
      ['built-in method builtins.len', 2.5, false],
      ['<module>', 2, true],
    ]);
    expect(data.stdout).toBe('[1, 2, 3]\n');
    expect(data.suggestions[0]).toContain('`bubble_sort`');
    expect(data.suggestions.join(' ')).toContain('nested loops');
    expect(data.suggestions.join(' ')).toContain('sorted()');
    expect(ctx.recorded).toHaveLength(1); // "explain the last error" can find the run
  });

  it('profiles the file open in the editor (as itself, with the project around it) when given no code, and a named file with `path`', async () => {
    const files = [
      { path: 'other.py', content: 'x = 1\n' },
      { path: 'sort.py', content: BUBBLE },
    ];
    const { ctx, profileCode } = setup(files);
    const outcome = await invokeTool(profileCodeTool, { top: 1 }, ctx);
    expect(profileCode).toHaveBeenLastCalledWith(BUBBLE, expect.objectContaining({ filename: 'sort.py', files }));
    expect((outcome.data as ProfileData).top).toHaveLength(1);
    expect((outcome.data as ProfileData).hottest).toBe('bubble_sort');
    await invokeTool(profileCodeTool, { path: 'other.py' }, ctx);
    expect(profileCode).toHaveBeenLastCalledWith('x = 1\n', expect.objectContaining({ filename: 'other.py' }));
    const missing = await invokeTool(profileCodeTool, { path: 'gone.py' }, ctx);
    expect(missing.summary).toBe('gone.py is not in the project. Its files: other.py, sort.py.');
  });

  it('reports a run that measured nothing as a failure with the error and its suggestions', async () => {
    const failed = makeResult({
      success: false,
      status: 'error',
      error: { type: 'SyntaxError', message: 'invalid syntax', line: 1, traceback: '' },
    });
    const advice: ErrorAdvice = {
      errorType: 'SyntaxError',
      summary: 'A syntax error on line 1.',
      snippet: null,
      line: 1,
      suggestions: [],
      actions: [],
    };
    const ctx = createFakeToolContext({
      engine: { profileCode: vi.fn(async () => ({ result: failed, profile: null })), handleError: vi.fn(async () => advice) },
      files: [],
    });
    const outcome = await invokeTool(profileCodeTool, { code: 'def (' }, ctx);
    expect(outcome.ok).toBe(false);
    expect(outcome.summary).toBe('Nothing was measured. Failed with SyntaxError: invalid syntax');
    expect(outcome.data).toMatchObject({ top: [], hottest: null, advice, error: { type: 'SyntaxError' } });
  });

  it('passes on why profiling is not possible (ENABLE_PROFILING off)', async () => {
    const ctx = createFakeToolContext({
      engine: { profileCode: vi.fn(async () => Promise.reject(new Error('Profiling is off (ENABLE_PROFILING).'))) },
    });
    const outcome = await invokeTool(profileCodeTool, { code: 'x = 1' }, ctx);
    expect(outcome).toMatchObject({ ok: false, summary: 'profile_code failed: Profiling is off (ENABLE_PROFILING).' });
  });
});
