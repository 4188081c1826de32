import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readLocalProject } from './readLocalProject.ts';
import { MAX_FILE_BYTES } from '../../src/protocol/testProtocol.ts';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('readLocalProject', () => {
  it('reads text and binary files, skipping hidden folders, caches, virtualenvs and files over 50 MB', async () => {
    root = mkdtempSync(join(tmpdir(), 'executor-project-'));
    const put = (path: string, content: string | Uint8Array) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), content);
    };
    put('calc.py', 'x = 1');
    put('tests/test_calc.py', 'def test(): pass');
    put('pyproject.toml', '[tool.pytest.ini_options]');
    put('.git/config', 'x');
    put('__pycache__/calc.pyc', 'x');
    put('venv/lib/site.py', 'x');
    put('stale.pyc', 'x');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
    put('logo.png', png);
    put('big.bin', new Uint8Array(MAX_FILE_BYTES + 1));
    const { files, skipped } = await readLocalProject(root);
    expect(files.map((f) => f.path)).toEqual(['calc.py', 'logo.png', 'pyproject.toml', 'tests/test_calc.py']);
    expect(files[1]).toEqual({ path: 'logo.png', bytes: png });
    expect(files[0]).toEqual({ path: 'calc.py', content: 'x = 1' });
    expect(skipped).toEqual(['big.bin (50.0 MB: over the 50 MB a file may hold)']);
  });
});
