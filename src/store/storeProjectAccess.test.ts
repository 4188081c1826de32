import { describe, expect, it } from 'vitest';
import { createMemoryProjectStorage } from '../project/projectStorage.ts';
import { createAppStore } from './createAppStore.ts';
import { storeProjectAccess } from './storeProjectAccess.ts';
import { textOf } from '../project/fileContent.ts';

async function loadedStore() {
  const storage = createMemoryProjectStorage({
    files: [
      { path: 'calc.py', content: 'def add(a, b):\n    return a + b\n' },
      { path: 'main.py', content: 'print(1)\n' },
    ],
    activePath: 'main.py',
    openPaths: ['main.py'],
  });
  const store = createAppStore({ projectStorage: storage });
  await store.getState().hydrateProject();
  return store;
}

describe('storeProjectAccess (the project as the agent sees it)', () => {
  it("reads the files with the editor's unsaved buffer as the active file's content", async () => {
    const store = await loadedStore();
    store.getState().setCode('print(2)\n');
    const project = storeProjectAccess(store.getState);
    expect(project.activePath()).toBe('main.py');
    expect(project.files()).toEqual([
      { path: 'calc.py', content: 'def add(a, b):\n    return a + b\n' },
      { path: 'main.py', content: 'print(2)\n' },
    ]);
  });

  it('writes a new file without switching tabs, replaces the open file in the editor, and keeps unsaved edits of others', async () => {
    const store = await loadedStore();
    store.getState().setCode('print("typed")\n');
    const project = storeProjectAccess(store.getState);
    expect(project.writeFile('tests/test_calc.py', 'def test_x():\n    pass\n')).toEqual({
      ok: true,
      path: 'tests/test_calc.py',
      created: true,
    });
    expect(store.getState().activePath).toBe('main.py');
    expect(store.getState().openPaths).toEqual(['main.py']);
    expect(store.getState().files.map((f) => f.path)).toEqual(['calc.py', 'main.py', 'tests/test_calc.py']);
    expect(textOf(store.getState().files.find((f) => f.path === 'main.py'))).toBe('print("typed")\n');
    expect(project.writeFile('main.py', 'print(3)\n')).toEqual({ ok: true, path: 'main.py', created: false });
    expect(store.getState().code).toBe('print(3)\n');
    expect(project.writeFile('calc.py', 'x = 1\n')).toEqual({ ok: true, path: 'calc.py', created: false });
    expect(textOf(project.files().find((f) => f.path === 'calc.py'))).toBe('x = 1\n');
  });

  it('refuses bad paths and writes before the project is loaded', async () => {
    const store = await loadedStore();
    const project = storeProjectAccess(store.getState);
    expect(project.writeFile('a/../b.py', 'x')).toMatchObject({ ok: false, error: expect.stringContaining('without "." or ".."') });
    expect(project.writeFile('calc.py/x.py', 'x')).toMatchObject({ ok: false, error: expect.stringContaining('would clash with calc.py') });
    const early = storeProjectAccess(createAppStore().getState);
    expect(early.writeFile('x.py', 'x')).toEqual({ ok: false, error: 'The project is still loading; try again in a moment.' });
  });
});
