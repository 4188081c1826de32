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

describe('adviseOnError: every branch says something specific', () => {
  const noFrame = (type: string, message: string) =>
    makeResult({ success: false, status: 'error', error: { type, message, traceback: `${type}: ${message}\n`, line: null } });

  it('a stopped run says whether the variables were kept; a crash says they are gone', () => {
    expect(adviseOnError(makeResult({ success: false, status: 'stopped' }))?.suggestions[0]?.detail).toBe('Your variables were kept.');
    expect(adviseOnError(makeResult({ success: false, status: 'stopped', stateKept: false }))?.suggestions[0]?.detail).toMatch(
      /interpreter was replaced/,
    );
    expect(adviseOnError(makeResult({ success: false, status: 'crashed', stateKept: false }))?.summary).toMatch(
      /variables from earlier runs are gone/,
    );
  });

  it('a timeout without limits says how long it ran; a memory failure names the limit; a security refusal without error says its status', () => {
    const timeout = makeResult({
      success: false,
      status: 'timeout',
      metrics: { wallMs: 2500, cpuMs: 1, peakMemoryMB: 1, outputChars: 0, truncated: false },
    });
    expect(adviseOnError(timeout)?.summary).toContain('2.5 s');
    expect(adviseOnError(makeResult({ success: false, status: 'memory' }), { limits: { maxMemoryMB: 64 } })?.summary).toContain('of 64 MB');
    expect(adviseOnError(makeResult({ success: false, status: 'security' }))?.summary).toBe('The run ended with status security.');
  });

  it('UnboundLocalError explains local assignment; a name with capitals is not taken for a module', () => {
    const unbound = adviseOnError(
      noFrame('UnboundLocalError', "cannot access local variable 'count' where it is not associated with a value"),
    );
    expect(unbound?.suggestions.map((s) => s.title)).toContain('Assigned later in the function');
    const camel = adviseOnError(noFrame('NameError', "name 'MyThing' is not defined"));
    expect(camel?.suggestions.map((s) => s.title)).not.toContain('A missing import or quotes?');
  });

  it('an import of a name a module lacks, a module that is not anywhere, and truncated output', () => {
    const importName = adviseOnError(noFrame('ImportError', "cannot import name 'sqrtt' from 'math'"), {
      scope: { closeMatches: ['sqrt'], keys: [], lengths: [] },
    });
    expect(importName?.suggestions.at(-1)).toMatchObject({ title: '`sqrtt` is not in that module', detail: 'Did you mean `sqrt`?' });
    const check = adviseOnError(noFrame('ModuleNotFoundError', "No module named 'mymod'"));
    expect(check?.suggestions[0]?.title).toBe('Check the name');
    const cut = makeResult({
      success: false,
      status: 'error',
      error: { type: 'ValueError', message: 'bad', traceback: '', line: null },
      metrics: { wallMs: 1, cpuMs: 1, peakMemoryMB: 1, outputChars: 10, truncated: true },
    });
    expect(adviseOnError(cut, { limits: { maxOutputChars: 10 } })?.suggestions.at(-1)?.detail).toContain('of 10 characters');
  });

  it('a None attribute, a module attribute, and an error of any other type', () => {
    expect(
      adviseOnError(noFrame('AttributeError', "'NoneType' object has no attribute 'append'"))?.suggestions.map((s) => s.title),
    ).toContain('The value is None');
    expect(adviseOnError(noFrame('AttributeError', "module 'math' has no attribute 'tau2'"))?.summary).toContain('math');
    const value = adviseOnError(noFrame('ValueError', "invalid literal for int() with base 10: 'x'"));
    expect(value?.suggestions[0]?.detail).toMatch(/not a whole number/);
    expect(adviseOnError(noFrame('ValueError', 'math domain error'))?.suggestions[0]?.detail).toMatch(/value is not accepted/);
    const other = adviseOnError(noFrame('OSError', 'no such file'));
    expect(other?.summary).toBe('OSError: no such file');
    expect(other?.suggestions.at(-1)?.title).toBe('Read the last line of the traceback');
    expect(adviseOnError(noFrame('KeyboardInterrupt', ''))?.summary).toBe('The program was interrupted.');
    expect(adviseOnError(noFrame('MemoryError', ''))?.actions).toEqual([
      { kind: 'limit', limit: 'memory', label: 'Raise the memory limit' },
    ]);
  });
});

describe('error suggestions by message', () => {
  const typeError = (message: string) =>
    adviseOnError(makeResult({ success: false, status: 'error', error: { type: 'TypeError', message, traceback: '', line: null } }))
      ?.suggestions[0];
  const syntax = (type: string, message: string) =>
    adviseOnError(makeResult({ success: false, status: 'error', error: { type, message, traceback: '', line: null } }));

  it('names what is wrong with a call or an operation', () => {
    expect(typeError("greet() missing 1 required positional argument: 'name'")?.title).toBe('Missing argument');
    expect(typeError("greet() got an unexpected keyword argument 'nmae'")?.detail).toContain('`nmae`');
    expect(typeError("unsupported operand type(s) for +: 'int' and 'str'")?.title).toBe('Mixed types in an operation');
    expect(typeError('can only concatenate str (not "int") to str')?.title).toBe('Cannot add int to str');
    expect(typeError("'NoneType' object is not subscriptable")?.detail).toMatch(/None/);
    expect(typeError("'list' object is not callable")?.detail).toMatch(/shadowing/);
    expect(typeError("'int' object is not iterable")?.title).toBe('A int cannot be looped over');
    expect(typeError('something else')?.title).toBe('Check the types of the values');
    expect(typeError('Calc.add() takes 2 positional arguments but 3 were given')?.detail).toContain('`self`');
  });

  it('says what a syntax or indentation message usually means', () => {
    const titles = (type: string, message: string) => syntax(type, message)?.suggestions.map((s) => s.title) ?? [];
    expect(titles('SyntaxError', "expected ':'")).toContain('Missing colon');
    expect(titles('SyntaxError', "'(' was never closed")).toContain('Unbalanced brackets');
    expect(titles('SyntaxError', 'unterminated string literal (detected at line 1)')).toContain('Unclosed string');
    expect(titles('SyntaxError', "Missing parentheses in call to 'print'. Did you mean print(...)?")).toContain('Python 3 print');
    expect(titles('SyntaxError', "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")).toContain('Comparison or assignment?');
    expect(titles('IndentationError', "expected an indented block after 'if' statement on line 1")).toEqual([
      'Indent blocks consistently',
      'A block is empty',
    ]);
    expect(syntax('SyntaxError', 'invalid syntax (main.py, line 3)')?.summary).toBe('Python could not parse the code: invalid syntax.');
  });
});
