import { describe, expect, it } from 'vitest';
import { makeResult } from '../testing/makeResult.ts';
import { adviseOnError, failingSnippet } from './handleError.ts';

const failed = (
  type: string,
  message: string,
  traceback = `Traceback (most recent call last):\n  File "main.py", line 2, in <module>\n    print(x)\n          ^\n${type}: ${message}\n`,
) => makeResult({ success: false, status: 'error', error: { type, message, traceback, line: 2 } });

describe('adviseOnError', () => {
  it('is null for a successful run', () => {
    expect(adviseOnError(makeResult())).toBeNull();
  });

  it('NameError: did-you-mean from Python and from the names in scope, and the failing line with its caret', () => {
    const a = adviseOnError(
      failed(
        'NameError',
        "name 'numbrs' is not defined",
        "Traceback\n  File \"main.py\", line 2, in <module>\n    print(numbrs)\n          ^^^^^^\nNameError: name 'numbrs' is not defined. Did you mean: 'numbers'?\n",
      ),
      {
        scope: { closeMatches: ['number'], keys: [], lengths: [] },
      },
    );
    expect(a?.suggestions[0]?.title).toBe('Did you mean `numbers`, `number`?');
    expect(a?.snippet).toBe('print(numbrs)\n      ^^^^^^');
  });

  it('ModuleNotFoundError: an install action when the index has it, a clear "cannot" when not', () => {
    const err = failed('ModuleNotFoundError', "No module named 'pytest'");
    const available = adviseOnError(err, { module: { module: 'pytest', verdict: 'available', package: 'pytest', source: 'self-hosted' } });
    expect(available?.actions).toEqual([{ kind: 'install', label: 'Install pytest', packages: ['pytest'] }]);
    const unknown = adviseOnError(failed('ModuleNotFoundError', "No module named 'nope.sub'"), {
      module: { module: 'nope', verdict: 'unknown', package: null, source: null },
      moduleAllowed: false,
    });
    expect(unknown?.summary).toContain('`nope`');
    expect(unknown?.suggestions.map((s) => s.title)).toEqual(['Not in the package index', 'Not allowed by the safety policy']);
  });

  it('ModuleNotFoundError after a failed download: says it is not available offline and offers no install button', () => {
    const message =
      "No module named 'numpy'\nnumpy could not be downloaded from the package CDN (https://cdn.example): it is not available offline.";
    const offline = adviseOnError(failed('ModuleNotFoundError', message), {
      module: { module: 'numpy', verdict: 'available', package: 'numpy', source: 'cdn' },
    });
    expect(offline?.actions).toEqual([]);
    expect(offline?.suggestions[0]?.title).toBe('numpy is not available offline');
  });

  it('AttributeError, TypeError, KeyError, IndexError, ZeroDivisionError, RecursionError are explained', () => {
    expect(
      adviseOnError(failed('AttributeError', "'list' object has no attribute 'push'"), {
        scope: { closeMatches: ['pop'], keys: [], lengths: [] },
      })?.suggestions[0]?.title,
    ).toBe('Did you mean `.pop`?');
    expect(adviseOnError(failed('TypeError', 'add() takes 2 positional arguments but 3 were given'))?.suggestions[0]?.detail).toContain(
      'accepts 2 positional arguments but was called with 3',
    );
    expect(adviseOnError(failed('TypeError', "add() missing 1 required positional argument: 'b'"))?.suggestions[0]?.title).toBe(
      'Missing argument',
    );
    expect(adviseOnError(failed('TypeError', "unsupported operand type(s) for +: 'int' and 'str'"))?.suggestions[0]?.detail).toContain(
      'between int and str',
    );
    const key = adviseOnError(failed('KeyError', "'banana'"), {
      scope: { closeMatches: [], keys: [{ name: 'prices', keys: ["'apple'", "'pear'"], total: 2 }], lengths: [] },
    });
    expect(key?.suggestions[0]).toEqual({ title: 'Keys of `prices`', detail: "Available keys: 'apple', 'pear'." });
    const index = adviseOnError(failed('IndexError', 'list index out of range'), {
      scope: { closeMatches: [], keys: [], lengths: [{ name: 'xs', length: 3 }] },
    });
    expect(index?.suggestions[0]?.detail).toBe('Valid indexes are 0 to 2 (or -1 to -3).');
    expect(adviseOnError(failed('ZeroDivisionError', 'division by zero'))?.summary).toBe('A number was divided by zero.');
    expect(adviseOnError(failed('RecursionError', 'maximum recursion depth exceeded'))?.suggestions[0]?.title).toBe('Check the base case');
  });

  it('SyntaxError and IndentationError: the usual causes', () => {
    const s = adviseOnError(
      failed(
        'SyntaxError',
        "expected ':' (main.py, line 1)",
        '  File "main.py", line 1\n    def f()\n           ^\nSyntaxError: expected \':\'\n',
      ),
    );
    expect(s?.summary).toBe("Python could not parse the code: expected ':'.");
    expect(s?.suggestions[0]?.title).toBe('Missing colon');
    expect(s?.snippet).toBe('def f()\n       ^');
    const i = adviseOnError(failed('IndentationError', "expected an indented block after 'if' statement on line 1"));
    expect(i?.suggestions.map((x) => x.title)).toContain('A block is empty');
  });

  it('timeouts and memory: the limit that was hit and how to change it', () => {
    const t = adviseOnError(makeResult({ success: false, status: 'timeout' }), { limits: { timeoutMs: 2000 } });
    expect(t?.summary).toBe('The program was stopped after 2 s: it hit the time limit.');
    expect(t?.actions).toEqual([{ kind: 'limit', limit: 'timeout', label: 'Raise the timeout' }]);
    const m = adviseOnError(makeResult({ success: false, status: 'memory' }), { limits: { maxMemoryMB: 128 } });
    expect(m?.summary).toContain('the limit of 128 MB');
  });
});

describe('failingSnippet', () => {
  it('is null without a frame', () => expect(failingSnippet('KeyError: 1')).toBeNull());
});
