import { beforeAll, describe, expect, it } from 'vitest';
import { variablesPageSchema } from '../protocol/variables.ts';
import { loadTestRuntime } from '../testing/loadTestRuntime.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import { listVariables } from './listVariables.ts';
import { runCode } from './runCode.ts';
import { DEFAULT_RUN_OPTIONS } from '../protocol/defaultRunOptions.ts';

let rt: PythonRuntime;
beforeAll(async () => {
  rt = await loadTestRuntime();
  const code = [
    'import math, dataclasses',
    "data = {'a': [1, 2, 3]}",
    'big = list(range(250))',
    '@dataclasses.dataclass',
    'class Point:',
    '    x: int',
    '    y: int',
    'p = Point(1, 2)',
    'class Forever:',
    '    def __repr__(self):',
    '        while True:',
    '            pass',
    'stuck = Forever()',
    'class Broken:',
    '    def __len__(self):',
    '        raise RuntimeError("no")',
    'broken = Broken()',
    '_hidden = 1',
    "text = 'hello'",
  ].join('\n');
  await runCode(rt, code, { ...DEFAULT_RUN_OPTIONS, filename: 'main.py' }, new Int32Array(new SharedArrayBuffer(4)), () => undefined);
});

const list = (name: string | null = null, path: number[] = [], offset = 0) =>
  variablesPageSchema.parse(listVariables(rt, { name, path, offset }));
const row = (name: string) => list().rows.find((r) => r.name === name);

describe('listVariables (real Pyodide in Node)', () => {
  it("lists the user's names (not the hidden ones) with type, kind, size and a short repr", () => {
    const page = list();
    expect(page.rows.map((r) => r.name)).toEqual([
      'math',
      'dataclasses',
      'data',
      'big',
      'Point',
      'p',
      'Forever',
      'stuck',
      'Broken',
      'broken',
      'text',
    ]);
    expect(row('data')).toEqual({ name: 'data', type: 'dict', kind: 'value', size: '1 item', repr: "{'a': [1, 2, 3]}", expandable: true });
    expect(row('math')).toMatchObject({ kind: 'module', expandable: false });
    expect(row('Point')).toMatchObject({ kind: 'class' });
    expect(row('text')).toMatchObject({ size: '5 chars', expandable: false });
  });

  it("opens a value's parts level by level", () => {
    expect(list('data').rows).toEqual([{ name: "'a'", type: 'list', kind: 'value', size: '3 items', repr: '[1, 2, 3]', expandable: true }]);
    expect(list('data', [0]).rows.map((r) => [r.name, r.repr])).toEqual([
      ['[0]', '1'],
      ['[1]', '2'],
      ['[2]', '3'],
    ]);
    expect(list('p').rows.map((r) => [r.name, r.repr])).toEqual([
      ['.x', '1'],
      ['.y', '2'],
    ]);
  });

  it('pages long containers', () => {
    const first = list('big');
    expect(first).toMatchObject({ total: 250, offset: 0 });
    expect(first.rows).toHaveLength(100);
    const last = list('big', [], 200);
    expect(last.rows.map((r) => r.name)).toEqual(Array.from({ length: 50 }, (_, i) => `[${200 + i}]`));
  });

  it('stops a __repr__ that loops forever, and says so; a raising __len__ is shown, not raised', () => {
    expect(row('stuck')?.repr).toBe('(its repr took over 100 ms: not shown)');
    expect(row('broken')?.repr).toBe('(summarising it raised RuntimeError)');
  });

  it('says clearly when a name is gone', () => {
    expect(() => listVariables(rt, { name: 'nope', path: [], offset: 0 })).toThrow('nope is no longer defined; run the code again');
  });
});
