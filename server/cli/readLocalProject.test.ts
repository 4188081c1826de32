import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readLocalProject } from './readLocalProject.ts';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('readLocalProject', () => {
  it('reads sources and configuration, skipping hidden folders, caches, virtualenvs, binaries and big files', async () => {
    root = mkdtempSync(join(tmpdir(), 'executor-project-'));
    const put = (path: string, content: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), content);
    };
    put('calc.py', 'x = 1');
    put('tests/test_calc.py', 'def test(): pass');
    put('pyproject.toml', '[tool.pytest.ini_options]');
    put('.git/config', 'x');
    put('__pycache__/calc.pyc', 'x');
    put('venv/lib/site.py', 'x');
    put('logo.png', 'x');
    put('big.csv', 'x'.repeat(1_000_001));
    const { files, skipped } = await readLocalProject(root);
    expect(files.map((f) => f.path)).toEqual(['calc.py', 'pyproject.toml', 'tests/test_calc.py']);
    expect(skipped).toEqual(['big.csv']);
  });
});
