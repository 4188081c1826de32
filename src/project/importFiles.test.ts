import { describe, expect, it } from 'vitest';
import { importPicked, pickedFromDrop, pickedFromInput, stripCommonFolder } from './importFiles.ts';
import { createZip } from './zip.ts';

const text = (s: string) => new Blob([s]);

describe('importPicked', () => {
  it('keeps text and binary files with their folders, and names what it left out with the cap', async () => {
    const big = new Blob([new Uint8Array(60 * 2 ** 20)]);
    const bytes = new Uint8Array([0xff, 0xfe, 0x00, 0x81]);
    const large = 'x,y\n'.repeat(1_000_000); // 4 MB of text: more than the old 2 MB limit
    const out = await importPicked([
      { path: 'calc.py', file: text('x = 1\n') },
      { path: 'data/big.bin', file: big },
      { path: 'data/large.csv', file: text(large) },
      { path: 'logo.png', file: new Blob([bytes]) },
      { path: '__pycache__/calc.cpython-314.pyc', file: text('junk') },
    ]);
    expect(out.files).toEqual([
      { path: 'calc.py', content: 'x = 1\n' },
      { path: 'data/large.csv', content: large },
      { path: 'logo.png', bytes },
    ]);
    expect(out.skipped).toEqual(['data/big.bin is 60.0 MB, over the 50.0 MB a project file may hold']);
  });

  it('keeps binary files inside a .zip (a .gz fixture)', async () => {
    const gz = new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 3]);
    const zip = await createZip([
      { path: 'tests/data/atlas.dat.gz', data: gz },
      { path: 'tests/test_atlas.py', data: new TextEncoder().encode('def test(): pass\n') },
      { path: 'conftest.py', data: new Uint8Array() },
    ]);
    const out = await importPicked([{ path: 'fixtures.zip', file: new Blob([new Uint8Array(zip)]) }]);
    expect(out.files).toEqual([
      { path: 'tests/data/atlas.dat.gz', bytes: gz },
      { path: 'tests/test_atlas.py', content: 'def test(): pass\n' },
      { path: 'conftest.py', content: '' },
    ]);
  });

  it('opens a .zip, and a folder that holds everything becomes the project root', async () => {
    const encode = (s: string) => new TextEncoder().encode(s);
    const zip = await createZip([
      { path: 'project/main.py', data: encode('print(1)\n') },
      { path: 'project/tests/test_main.py', data: encode('def test(): pass\n') },
    ]);
    const out = await importPicked([{ path: 'project.zip', file: new Blob([new Uint8Array(zip)]) }]);
    expect(out.files.map((f) => f.path)).toEqual(['main.py', 'tests/test_main.py']);
    const folder = await importPicked([
      { path: 'proj/a.py', file: text('a') },
      { path: 'proj/b/c.py', file: text('c') },
    ]);
    expect(folder.files.map((f) => f.path)).toEqual(['a.py', 'b/c.py']);
  });
});

describe('stripCommonFolder', () => {
  it("keeps a top folder that is a Python package, so import pkg still resolves (a zip of mpmath's sources)", async () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    const zip = await createZip([
      { path: 'mpmath/__init__.py', data: encode('from .ctx import mp\n') },
      { path: 'mpmath/ctx.py', data: encode('mp = 1\n') },
      { path: 'mpmath/tests/test_basic.py', data: encode('import mpmath\n') },
    ]);
    const out = await importPicked([{ path: 'mpmath.zip', file: new Blob([new Uint8Array(zip)]) }]);
    expect(out.files.map((f) => f.path)).toEqual(['mpmath/__init__.py', 'mpmath/ctx.py', 'mpmath/tests/test_basic.py']);
  });

  it('leaves files alone when they do not share one top folder', () => {
    const files = [
      { path: 'a/x.py', content: '' },
      { path: 'b/y.py', content: '' },
    ];
    expect(stripCommonFolder(files)).toBe(files);
    expect(stripCommonFolder([])).toEqual([]);
  });
});

describe('picked files', () => {
  it("takes an input's files with their folder paths", () => {
    const a = new File(['a'], 'a.py');
    Object.defineProperty(a, 'webkitRelativePath', { value: 'proj/a.py' });
    const b = new File(['b'], 'b.py');
    const list = Object.assign([a, b], { item: (i: number) => [a, b][i] ?? null }) as unknown as FileList;
    expect(pickedFromInput(list).map((p) => p.path)).toEqual(['proj/a.py', 'b.py']);
  });

  it('walks dropped folders, and takes plain files when the browser gives no entries', async () => {
    const fileEntry = (name: string): FileSystemFileEntry =>
      ({
        isFile: true,
        isDirectory: false,
        name,
        file: (ok: (f: File) => void) => ok(new File([name], name)),
      }) as unknown as FileSystemFileEntry;
    const dir = (name: string, children: FileSystemEntry[]): FileSystemDirectoryEntry => {
      let given = false;
      return {
        isFile: false,
        isDirectory: true,
        name,
        createReader: () => ({
          readEntries: (ok: (e: FileSystemEntry[]) => void) => {
            ok(given ? [] : children);
            given = true;
          },
        }),
      } as unknown as FileSystemDirectoryEntry;
    };
    const tree = dir('proj', [fileEntry('main.py'), dir('tests', [fileEntry('test_main.py')])]);
    const dropped = { items: [{ webkitGetAsEntry: () => tree }], files: [] } as unknown as DataTransfer;
    expect((await pickedFromDrop(dropped)).map((p) => p.path)).toEqual(['proj/main.py', 'proj/tests/test_main.py']);
    const plain = { items: [], files: [new File(['x'], 'x.py')] } as unknown as DataTransfer;
    expect((await pickedFromDrop(plain)).map((p) => p.path)).toEqual(['x.py']);
  });
});
