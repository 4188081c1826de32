import { describe, expect, it } from 'vitest';
import { extractCode } from './extractCode.ts';
import { planOffline } from './planOffline.ts';

describe('extractCode', () => {
  it('finds a fenced python block and the prose around it', () => {
    const { code, prose } = extractCode('Execute this code:\n```python\nprint(1)\n```\nthanks');
    expect(code).toBe('print(1)');
    expect(prose.replace(/\s+/g, ' ')).toBe('Execute this code: thanks');
  });
  it('finds an indented block', () => {
    expect(extractCode('Run this:\n\n    for i in range(2):\n        print(i)\n\nplease').code).toBe('for i in range(2):\n    print(i)');
  });
  it('ignores blocks in other languages', () => expect(extractCode('```bash\nls\n```').code).toBeNull());
});

describe('planOffline (the seed\'s example messages)', () => {
  it('runs a code block', () => {
    expect(planOffline('Execute this code:\n```python\nprint(1)\n```')).toEqual({ kind: 'run', code: 'print(1)' });
    expect(planOffline('run my code')).toEqual({ kind: 'run-editor' });
  });
  it('runs the tests, with a path and coverage', () => {
    expect(planOffline('Run the tests in test_calculator.py and show me the coverage report')).toEqual({ kind: 'tests', path: 'test_calculator.py', coverage: true, code: null });
    expect(planOffline("I have a module called 'calculator.py'. Run comprehensive tests on it and give me a coverage report.")).toMatchObject({ kind: 'tests', path: 'calculator.py', coverage: true });
  });
  it('runs the tests without coverage unless asked, for all of them or for a folder file or node id', () => {
    expect(planOffline('Run the tests')).toEqual({ kind: 'tests', path: null, coverage: false, code: null });
    expect(planOffline('run tests/test_calc.py please')).toEqual({ kind: 'tests', path: 'tests/test_calc.py', coverage: false, code: null });
    expect(planOffline('Run the test tests/test_calc.py::test_add with coverage')).toEqual({ kind: 'tests', path: 'tests/test_calc.py::test_add', coverage: true, code: null });
    expect(planOffline('pytest "test_calculator.py".')).toMatchObject({ kind: 'tests', path: 'test_calculator.py' });
  });
  it('profiles the code block, or else the file in the editor', () => {
    expect(planOffline('Profile this sorting algorithm:\n```python\nx = 1\n```\nProfile this and suggest optimizations.')).toEqual({ kind: 'profile', code: 'x = 1' });
    expect(planOffline('Profile this and suggest optimizations')).toEqual({ kind: 'profile', code: null });
    expect(planOffline('Why is my code so slow?')).toEqual({ kind: 'profile', code: null });
    expect(planOffline('Find the performance bottlenecks:\n\n    for i in range(9):\n        pass\n')).toEqual({ kind: 'profile', code: 'for i in range(9):\n    pass' });
  });
  it('lists the project and reads a file', () => {
    expect(planOffline('Show me the files')).toEqual({ kind: 'files' });
    expect(planOffline('which files are in the project?')).toEqual({ kind: 'files' });
    expect(planOffline('ls')).toEqual({ kind: 'files' });
    expect(planOffline('Read calc.py')).toEqual({ kind: 'read', path: 'calc.py' });
    expect(planOffline('open tests/test_calc.py')).toEqual({ kind: 'read', path: 'tests/test_calc.py' });
    expect(planOffline('Show me "notes.md"')).toEqual({ kind: 'read', path: 'notes.md' });
    // Running or checking a named file is not reading it.
    expect(planOffline('Check calc.py')).toMatchObject({ kind: 'validate' });
  });
  it('analyses dependencies and installs when asked', () => {
    expect(planOffline('Analyze the dependencies in this code:\n```python\nimport numpy\n```\nCheck which packages are missing and install them safely.')).toEqual({ kind: 'dependencies', code: 'import numpy', install: true });
    expect(planOffline('What packages does my code need?')).toEqual({ kind: 'dependencies', code: null, install: false });
  });
  it('validates, explains errors, makes demos, and otherwise helps', () => {
    expect(planOffline('Validate this code:\n```python\neval("1")\n```')).toEqual({ kind: 'validate', code: 'eval("1")' });
    expect(planOffline('Can you explain this error?')).toEqual({ kind: 'explain' });
    expect(planOffline('Show me a demo of fibonacci')).toEqual({ kind: 'demo', topic: 'fibonacci' });
    expect(planOffline('hello')).toEqual({ kind: 'help' });
  });
});
