import { describe, expect, it } from 'vitest';
import { fileTreeRows } from './fileTreeRows.ts';

const FILES = [
  { path: 'calc.py', content: 'x = 1\n' },
  { path: 'data/plot.png', bytes: new Uint8Array(10) },
  { path: 'main.py', content: '' },
  { path: 'tests/data/a.csv', content: 'a\n' },
  { path: 'tests/test_calc.py', content: 'é' },
];

const shown = (rows: ReturnType<typeof fileTreeRows>) =>
  rows.map(
    (r) =>
      `${'  '.repeat(r.depth)}${r.kind === 'folder' ? `${r.open ? '▾' : '▸'} ${r.name}/ (${r.files})` : `${r.name} ${r.size}${r.binary ? ' bin' : ''}${r.mark ? ` ${r.mark}` : ''}`}`,
  );

describe('fileTreeRows', () => {
  it('nests files under their folders, folders first, with sizes, kinds and marks', () => {
    expect(shown(fileTreeRows(FILES, new Set(), { 'data/plot.png': 'new', 'calc.py': 'modified' }))).toEqual([
      '▾ data/ (1)',
      '  plot.png 10 bin new',
      '▾ tests/ (2)',
      '  ▾ data/ (1)',
      '    a.csv 2',
      '  test_calc.py 2',
      'calc.py 6 modified',
      'main.py 0',
    ]);
  });

  it('leaves out the files of a folded folder, keeping the folder and its count', () => {
    expect(shown(fileTreeRows(FILES, new Set(['tests'])))).toEqual([
      '▾ data/ (1)',
      '  plot.png 10 bin',
      '▸ tests/ (2)',
      'calc.py 6',
      'main.py 0',
    ]);
  });

  it('groups thousands of files into their folders', () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({ path: `pkg${i % 30}/mod${i}.py`, content: 'x = 1\n' }));
    const rows = fileTreeRows(many, new Set());
    expect(rows).toHaveLength(3030);
    expect(rows.filter((r) => r.kind === 'folder')).toHaveLength(30);
  });
});
