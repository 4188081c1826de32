import { describe, expect, it } from 'vitest';
import { createAppStore } from './createAppStore.ts';
import { textOf } from '../project/fileContent.ts';

async function loaded() {
  const store = createAppStore();
  await store.getState().hydrateProject();
  return store;
}
const paths = (store: Awaited<ReturnType<typeof loaded>>) => store.getState().files.map((f) => f.path);

describe('the files slice', () => {
  it('creates, renames and deletes files, keeping tabs and the open file right', async () => {
    const store = await loaded();
    const s = store.getState();
    expect(s.createFile('tests/test_calc.py', 'def test(): pass\n')).toBe(true);
    expect(store.getState().activePath).toBe('tests/test_calc.py');
    expect(store.getState().code).toBe('def test(): pass\n');
    expect(s.renameFile('tests/test_calc.py', 'tests/test_math.py')).toBe(true);
    expect(store.getState().activePath).toBe('tests/test_math.py');
    expect(store.getState().openPaths).toContain('tests/test_math.py');
    s.deleteFile('tests/test_math.py');
    expect(paths(store)).toEqual(['main.py']);
    expect(store.getState().activePath).toBe('main.py');
    s.deleteFile('main.py');
    expect(paths(store)).toEqual(['main.py']); // a project always has a file
  });

  it('says what is wrong with a path, and changes nothing', async () => {
    const store = await loaded();
    expect(store.getState().createFile('../escape.py')).toBe(false);
    expect(store.getState().filesError).toBeTruthy();
    expect(store.getState().createFile('main.py')).toBe(false);
    expect(store.getState().filesError).toMatch(/main\.py/);
    expect(store.getState().renameFile('main.py', '')).toBe(false);
    expect(paths(store)).toEqual(['main.py']);
    store.getState().setFilesError(null);
    expect(store.getState().filesError).toBeNull();
  });

  it('opens and closes tabs; the last tab stays open', async () => {
    const store = await loaded();
    store.getState().createFile('a.py', 'a = 1');
    store.getState().openFile('main.py');
    expect(store.getState().activePath).toBe('main.py');
    expect(store.getState().code).not.toBe('a = 1');
    store.getState().closeFile('main.py');
    expect(store.getState().activePath).toBe('a.py');
    store.getState().closeFile('a.py');
    expect(store.getState().openPaths).toEqual(['a.py']);
  });

  it('writes files for the agent (the open one shows in the editor), and not before the project is loaded', async () => {
    const early = createAppStore();
    expect(early.getState().writeFile('x.py', '1')).toEqual({ error: expect.stringMatching(/still loading/) });
    const store = await loaded();
    expect(store.getState().writeFile('lib/util.py', 'def f(): pass\n')).toEqual({ path: 'lib/util.py', created: true });
    expect(store.getState().writeFile('main.py', 'print(2)\n')).toEqual({ path: 'main.py', created: false });
    expect(store.getState().code).toBe('print(2)\n');
    expect(store.getState().writeFile('../x.py', '')).toHaveProperty('error');
  });

  it('imports files over the project (same paths replaced), opening the first Python file, and says when there is nothing', async () => {
    const store = await loaded();
    store.getState().importProjectFiles([]);
    expect(store.getState().filesError).toMatch(/Nothing to import/);
    store.getState().importProjectFiles([
      { path: 'README.md', content: '# hi' },
      { path: 'calc.py', content: 'def add(a, b): return a + b\n' },
      { path: 'main.py', content: 'import calc\n' },
    ]);
    expect(paths(store)).toEqual(['calc.py', 'main.py', 'README.md']);
    expect(store.getState().activePath).toBe('calc.py');
    expect(textOf(store.getState().files.find((f) => f.path === 'main.py'))).toBe('import calc\n');
  });

  it('puts linked code in a file of its own once a saved project is there (on a first visit it is main.py)', async () => {
    const first = createAppStore();
    first.getState().openLinkedCode('print(1)');
    await first.getState().hydrateProject();
    expect(first.getState().files).toEqual([{ path: 'main.py', content: 'print(1)' }]);
    const store = createAppStore();
    store.getState().openLinkedCode('print("from a link")');
    expect(store.getState().code).toBe('print("from a link")');
    await store
      .getState()
      .hydrateProject({ files: [{ path: 'main.py', content: 'mine = 1' }], activePath: 'main.py', openPaths: ['main.py'] });
    expect(paths(store)).toContain('from-link.py');
    expect(store.getState().activePath).toBe('from-link.py');
  });

  it("takes in a program's change set: new and changed files marked, deleted ones gone, the open file's new text shown", async () => {
    const store = await loaded();
    const s = store.getState();
    s.createFile('notes.txt', 'old');
    s.openFile('main.py');
    s.setCode('print(1)\n');
    const bytes = (t: string) => new TextEncoder().encode(t);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1]);
    expect(
      s.applyFileChanges({
        written: [
          { path: 'main.py', bytes: bytes('print(2)\n') },
          { path: 'plot.png', bytes: png },
          { path: 'same.txt', bytes: bytes('') },
        ],
        deleted: ['notes.txt'],
        skipped: [],
      }),
    ).toEqual([]);
    expect(paths(store)).toEqual(['main.py', 'plot.png', 'same.txt']);
    expect(store.getState().code).toBe('print(2)\n');
    expect(store.getState().files.find((f) => f.path === 'plot.png')).toEqual({ path: 'plot.png', bytes: png });
    expect(store.getState().fileMarks).toEqual({ 'main.py': 'modified', 'plot.png': 'new', 'same.txt': 'new' });
    expect(store.getState().openPaths).not.toContain('notes.txt');
    // The same bytes again change nothing, and keep the marks.
    s.applyFileChanges({ written: [{ path: 'plot.png', bytes: png.slice() }], deleted: [], skipped: [] });
    expect(store.getState().fileMarks['plot.png']).toBe('new');
    s.clearFileMarks();
    expect(store.getState().fileMarks).toEqual({});
  });

  it('opens a binary file in the viewer, keeping the editor on the text file Run executes', async () => {
    const store = await loaded();
    const s = store.getState();
    s.importProjectFiles([{ path: 'data.bin', bytes: new Uint8Array([0, 1, 2]) }]);
    s.openFile('data.bin');
    expect(store.getState().viewingPath).toBe('data.bin');
    expect(store.getState().activePath).toBe('main.py');
    expect(store.getState().openPaths).toContain('data.bin');
    s.openFile('main.py');
    expect(store.getState().viewingPath).toBeNull();
    s.openFile('data.bin');
    s.closeFile('data.bin');
    expect(store.getState().viewingPath).toBeNull();
  });

  it('refuses what would break a cap, naming it, and keeps the rest', async () => {
    const store = await loaded();
    const big = new Uint8Array(60 * 2 ** 20);
    const refused = store.getState().importProjectFiles([
      { path: 'ok.py', content: 'x = 1\n' },
      { path: 'big.bin', bytes: big },
    ]);
    expect(refused).toEqual(['big.bin is 60.0 MB, over the 50.0 MB a project file may hold']);
    expect(paths(store)).toEqual(['main.py', 'ok.py']);
    expect(store.getState().writeFile('huge.bin', big)).toEqual({
      error: 'huge.bin is 60.0 MB, over the 50.0 MB a project file may hold; delete files first.',
    });
  });
});
