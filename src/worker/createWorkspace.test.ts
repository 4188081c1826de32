import { beforeAll, describe, expect, it } from 'vitest';
import { loadTestRuntime } from '../testing/loadTestRuntime.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import { createWorkspace, hashBytes, type Workspace, type WorkspaceFs } from './createWorkspace.ts';

let rt: PythonRuntime;
let fs: WorkspaceFs;
let folder = '';
let n = 0;

beforeAll(async () => {
  rt = await loadTestRuntime();
  fs = rt.pyodide.FS;
}, 120_000);

/** A fresh folder and workspace (small caps, so they are tried without megabytes). */
function workspace(): Workspace {
  folder = `/home/ws${++n}`;
  fs.mkdirTree(folder);
  return createWorkspace(fs, folder, { maxFileBytes: 100, maxTotalBytes: 150 });
}

/** Runs a program in the folder, as a user's program runs. */
function program(code: string): void {
  rt.pyodide.runPython(`import os\nos.chdir(${JSON.stringify(folder)})\n${code}`);
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const written = (ws: Workspace) => {
  const changes = ws.changes();
  return { ...changes, written: changes.written.map((f) => `${f.path}=${text(f.bytes)}`) };
};

describe('createWorkspace', () => {
  it("sync says whether the folder changed since the last one: by its own writes and removals, or by a program's", () => {
    const ws = workspace();
    expect(ws.sync([])).toBe(false);
    expect(ws.sync([{ path: 'mod.py', content: 'X = 1\n' }])).toBe(true);
    expect(ws.sync([{ path: 'mod.py', content: 'X = 1\n' }])).toBe(false);
    program('open("mod.py", "w").write("X = 2\\n")');
    ws.changes();
    // The page takes the program's edit and sends it back unchanged: the folder did change since the last sync.
    expect(ws.sync([{ path: 'mod.py', content: 'X = 2\n' }])).toBe(true);
    expect(ws.sync([{ path: 'mod.py', content: 'X = 2\n' }])).toBe(false);
    expect(ws.sync([])).toBe(true);
  });

  it('writes text and bytes, and reports nothing it wrote itself', () => {
    const ws = workspace();
    ws.sync([
      { path: 'main.py', content: 'print(1)\n' },
      { path: 'data/blob.bin', bytes: new Uint8Array([0, 1, 2, 255]) },
    ]);
    expect(text(fs.readFile(`${folder}/main.py`))).toBe('print(1)\n');
    expect([...fs.readFile(`${folder}/data/blob.bin`)]).toEqual([0, 1, 2, 255]);
    expect(ws.changes()).toEqual({ written: [], deleted: [], skipped: [] });
  });

  it('reports what a program created, changed and deleted; /tmp and caches stay out', () => {
    const ws = workspace();
    ws.sync([
      { path: 'keep.txt', content: 'same' },
      { path: 'edit.txt', content: 'old!' },
      { path: 'gone.txt', content: 'bye' },
    ]);
    program(`
open('report.csv', 'w').write('a,b\\n1,2\\n')
open('edit.txt', 'w').write('new!')  # same size, same millisecond as the sync, still seen
os.remove('gone.txt')
open('keep.txt', 'w').write('same')  # rewritten with the same bytes: no change
open('/tmp/scratch.txt', 'w').write('x')
os.makedirs('__pycache__', exist_ok=True)
open('__pycache__/m.cpython-314.pyc', 'wb').write(b'x')
os.makedirs('.pytest_cache', exist_ok=True)
open('.pytest_cache/state', 'w').write('x')
`);
    expect(written(ws)).toEqual({ written: ['edit.txt=new!', 'report.csv=a,b\n1,2\n'], deleted: ['gone.txt'], skipped: [] });
    expect(ws.changes()).toEqual({ written: [], deleted: [], skipped: [] });
  });

  it('writes only what changed on the next sync, and removes what the page dropped', () => {
    const ws = workspace();
    ws.sync([
      { path: 'a.py', content: 'a = 1\n' },
      { path: 'b.py', content: 'b = 1\n' },
    ]);
    const before = fs.lstat(`${folder}/a.py`).mtime;
    program(`open('out.txt', 'w').write('made')`);
    expect(written(ws).written).toEqual(['out.txt=made']);
    // The page took out.txt, kept a.py as it was, changed b.py and deleted nothing else.
    ws.sync([
      { path: 'a.py', content: 'a = 1\n' },
      { path: 'b.py', content: 'b = 2\n' },
    ]);
    expect(+fs.lstat(`${folder}/a.py`).mtime).toBe(+before);
    expect(text(fs.readFile(`${folder}/b.py`))).toBe('b = 2\n');
    expect(() => fs.lstat(`${folder}/out.txt`)).toThrow(); // the page no longer has it: removed
  });

  it('leaves out a file over a cap once, keeps it in the interpreter, and names it again only when it changes', () => {
    const ws = workspace();
    ws.sync([{ path: 'main.py', content: '' }]);
    program(`open('big.bin', 'wb').write(bytes(120))\nopen('small.txt', 'w').write('ok')`);
    expect(written(ws)).toEqual({ written: ['small.txt=ok'], deleted: [], skipped: [{ path: 'big.bin', bytes: 120 }] });
    expect(ws.changes().skipped).toEqual([]);
    ws.sync([
      { path: 'main.py', content: '' },
      { path: 'small.txt', content: 'ok' },
    ]);
    expect(fs.lstat(`${folder}/big.bin`).size).toBe(120); // not the page's to delete
    program(`open('big.bin', 'wb').write(bytes(130))`);
    expect(ws.changes().skipped).toEqual([{ path: 'big.bin', bytes: 130 }]);
  });

  it('stops at the total cap for one change set', () => {
    const ws = workspace();
    ws.sync([]);
    program(`for i in range(3): open(f'f{i}.bin', 'wb').write(bytes(60))`);
    const changes = ws.changes();
    expect(changes.written.map((f) => f.path)).toEqual(['f0.bin', 'f1.bin']);
    expect(changes.skipped).toEqual([{ path: 'f2.bin', bytes: 60 }]);
  });
});

describe('release', () => {
  it('frees the large files the page has, keeps the rest, and the next sync writes them again', () => {
    const ws = workspace();
    const big = new Uint8Array(500).fill(1);
    ws.sync([
      { path: 'small.py', content: 'x = 1\n' },
      { path: 'data.bin', bytes: big },
    ]);
    expect(ws.release(100)).toBe(500);
    expect(() => fs.lstat(`${folder}/data.bin`)).toThrow();
    expect(fs.lstat(`${folder}/small.py`).size).toBe(6);
    expect(ws.changes()).toEqual({ written: [], deleted: [], skipped: [] }); // not a program's deletion
    ws.sync([
      { path: 'small.py', content: 'x = 1\n' },
      { path: 'data.bin', bytes: big },
    ]);
    expect([...fs.readFile(`${folder}/data.bin`)]).toEqual([...big]);
  });
});

describe('hashBytes', () => {
  it('tells apart contents that differ in one byte or in length', () => {
    const a = new Uint8Array(1001).fill(7);
    const b = a.slice();
    b[999] = 8;
    expect(hashBytes(a)).not.toBe(hashBytes(b));
    expect(hashBytes(a)).not.toBe(hashBytes(a.subarray(0, 1000)));
    expect(hashBytes(a)).toBe(hashBytes(a.slice()));
  });
});
