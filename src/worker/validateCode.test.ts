import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RUN_POLICY } from '../engine/defaultPolicy.ts';
import type { Diagnostic } from '../protocol/policy.ts';
import { loadTestRuntime } from '../testing/loadTestRuntime.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import { validateCode } from './validateCode.ts';

let rt: PythonRuntime;
beforeAll(async () => {
  rt = await loadTestRuntime();
});

const rules = (code: string, policy = DEFAULT_RUN_POLICY) => validateCode(rt, code, policy).diagnostics;
const errorRules = (code: string) =>
  rules(code)
    .filter((d) => d.severity === 'error')
    .map((d) => d.rule);

describe('validate_code (real Pyodide in Node)', () => {
  it('accepts ordinary code and executes nothing', () => {
    expect(rules('import math\nx = [math.sqrt(i) for i in range(3)]\nprint(x)\nprint(undefined_name_ok_here)')).toEqual([]);
    expect(rules('import sys\nraise SystemExit("never runs")')).toEqual([]);
  });

  it('reports syntax errors with line and column', () => {
    const [d] = rules('x = 1\nif x\n    pass') as [Diagnostic];
    expect(d).toMatchObject({ severity: 'error', rule: 'syntax-error', line: 2 });
    expect(d.column).toBeGreaterThan(1);
    expect(d.suggestion).not.toBe('');
  });

  it('classifies each import: stdlib, allowed, not allowed, unknown', () => {
    const report = validateCode(
      rt,
      'import math\nimport numpy\nimport ctypes\nimport surely_not_a_module\nimport pytest',
      DEFAULT_RUN_POLICY,
    );
    expect(report.imports.map((i) => [i.module, i.verdict])).toEqual([
      ['math', 'stdlib'],
      ['numpy', 'allowed'],
      ['ctypes', 'blocked'],
      ['surely_not_a_module', 'unknown'],
      ['pytest', 'allowed'],
    ]);
    const byRule = Object.fromEntries(report.diagnostics.map((d) => [d.rule, d]));
    expect(byRule['js-access']).toMatchObject({ line: 3, severity: 'error' });
    expect(byRule['import-unknown']).toMatchObject({ line: 4, severity: 'warning' });
    expect(validateCode(rt, 'import gc', DEFAULT_RUN_POLICY).diagnostics[0]).toMatchObject({
      rule: 'import-not-allowed',
      line: 1,
      column: 1,
    });
    expect(validateCode(rt, 'import gc', { ...DEFAULT_RUN_POLICY, allowedModules: ['gc'] }).diagnostics).toEqual([]);
  });

  it('finds forbidden functions in direct, attribute, alias and dynamic forms', () => {
    expect(errorRules('eval("1")')).toEqual(['forbidden-function']);
    expect(errorRules('import builtins\nbuiltins.eval("1")')).toContain('forbidden-function');
    expect(errorRules('e = eval\ne("1")')).toEqual(['forbidden-function', 'forbidden-function']);
    expect(errorRules('from builtins import exec as run\nrun("x=1")')).toContain('forbidden-function');
    expect(errorRules('getattr(__builtins__, "ev" + "al")("1")')).toEqual(expect.arrayContaining(['dynamic-access', 'dunder-access']));
    // A name the program defines itself is not the builtin.
    expect(errorRules('def open(p):\n    return p\nopen("x")')).toEqual([]);
    // The list is configurable.
    expect(rules('eval("1")', { ...DEFAULT_RUN_POLICY, forbiddenFunctions: [] })).toEqual([]);
    expect(errorRules('print("x")')).toEqual([]);
    expect(rules('print("x")', { ...DEFAULT_RUN_POLICY, forbiddenFunctions: ['print'] })[0]).toMatchObject({
      rule: 'forbidden-function',
      line: 1,
      column: 1,
    });
  });

  it('flags dunder walking, JavaScript access and sys.modules tampering', () => {
    expect(errorRules('().__class__.__base__.__subclasses__()')).toEqual(['dunder-access', 'dunder-access']);
    expect(errorRules('def f(): pass\nf.__globals__')).toEqual(['dunder-access']);
    expect(errorRules('import js')).toEqual(['js-access']);
    expect(errorRules('from pyodide.ffi import to_js')).toEqual(['js-access']);
    expect(errorRules('import pyodide\npyodide.code.run_js("1")')).toEqual(expect.arrayContaining(['js-access']));
    expect(errorRules('import sys\nsys.modules["js"]')).toEqual(['sys-modules']);
    expect(errorRules('import sys\ndel sys.modules["os"]')).toEqual(['sys-modules']);
    expect(errorRules('import sys\nprint("os" in sys.modules)')).toEqual([]);
    // Reaching sys.modules or the import machinery by a computed or spelled-out name.
    expect(errorRules('import sys\nmods = getattr(sys, "mod" + "ules")')).toEqual(['dynamic-access']);
    expect(errorRules('import sys\nmods = getattr(sys, "modules")')).toEqual(['sys-modules']);
    expect(errorRules('import sys as s\nvars(s)["modules"]')).toEqual(['dynamic-access']);
    expect(errorRules('import importlib\nname = "import_" + "module"\ngetattr(importlib, name)("js")')).toContain('dynamic-access');
    // On ordinary objects a computed name is only a warning.
    expect(rules('class A: x = 1\nname = "x"\nprint(getattr(A, name))').map((d) => [d.rule, d.severity])).toEqual([
      ['dynamic-access', 'warning'],
    ]);
  });

  it('warns about while True without break', () => {
    const [d] = rules('while True:\n    x = 1') as [Diagnostic];
    expect(d).toMatchObject({ severity: 'warning', rule: 'infinite-loop', line: 1 });
    expect(rules('while True:\n    break')).toEqual([]);
    expect(rules('def f():\n    while True:\n        return 1')).toEqual([]);
    expect(rules('while True:\n    for i in range(3):\n        break')[0]?.rule).toBe('infinite-loop');
  });

  it('understands top-level await and survives code too deep to analyze', () => {
    expect(rules('import asyncio\nawait asyncio.sleep(0)')).toEqual([]);
    // Code this deep would crash Pyodide's parser: it is refused before parsing.
    expect(rules(`x = ${'['.repeat(150)}${']'.repeat(150)}`)[0]).toMatchObject({ severity: 'error', rule: 'too-complex', line: 1 });
    expect(rules(`\nx = ${Array.from({ length: 20000 }, () => '1').join(' + ')}`)[0]).toMatchObject({ rule: 'too-complex', line: 2 });
    expect(rules(`x = ${'['.repeat(40)}${']'.repeat(40)}`)).toEqual([]);
  });

  it('with safe mode off, imports are not "not allowed"', () => {
    const open = { ...DEFAULT_RUN_POLICY, sandboxMode: false };
    expect(validateCode(rt, 'import gc', open).imports[0]?.verdict).toBe('stdlib');
    expect(validateCode(rt, 'import gc', open).diagnostics).toEqual([]);
  });
});
