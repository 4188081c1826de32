import { describe, expect, it } from 'vitest';
import { createAppStore } from './createAppStore.ts';
import { createEditorSlice } from './createEditorSlice.ts';

/** The app store with the editor slice's Ruff replaced by `format`. */
function storeWith(format: (code: string, options: Record<string, unknown>) => Promise<string>) {
  const store = createAppStore();
  // The slice's formatCode, bound to this store, with a Ruff of the test's own.
  store.setState({ formatCode: createEditorSlice({ format })(store.setState, store.getState).formatCode });
  store.setState({ files: [{ path: 'main.py', content: '' }], activePath: 'main.py' });
  return store;
}

describe('formatCode', () => {
  it('replaces the code with what Ruff gives, with the settings as options', async () => {
    let seen: Record<string, unknown> = {};
    const store = storeWith(async (code, options) => {
      seen = options;
      return code.replace('x=1', 'x = 1');
    });
    store.getState().setCode('x=1\n');
    await expect(store.getState().formatCode()).resolves.toBeNull();
    expect(store.getState().code).toBe('x = 1\n');
    expect(seen).toEqual({ 'line-length': 88, lint: { select: ['E4', 'E7', 'E9', 'F'] } });
  });

  it('says why it could not format, in the console unless quiet', async () => {
    const store = storeWith(async () => Promise.reject(new Error('unexpected EOF while parsing at byte range 3..3')));
    store.getState().setCode('x=(');
    const problem = await store.getState().formatCode({ quiet: true });
    expect(problem).toBe('Could not format main.py: unexpected EOF while parsing at byte range 3..3. Fix the syntax first.');
    expect(store.getState().entries).toEqual([]);
    const settingsProblem = storeWith(async () => Promise.reject(new Error('Unknown rule selector `ZZZ`')));
    settingsProblem.getState().setCode('x = 1');
    await settingsProblem.getState().formatCode();
    expect(settingsProblem.getState().entries.at(-1)?.text).toMatch(/Check the lint settings or the project's ruff.toml\.$/);
    expect(store.getState().code).toBe('x=(');
  });

  it('keeps what was typed while Ruff worked', async () => {
    let release: (s: string) => void = () => undefined;
    const store = storeWith(() => new Promise((resolve) => (release = resolve)));
    store.getState().setCode('a=1');
    const pending = store.getState().formatCode();
    store.getState().setCode('a=12');
    release('a = 1');
    await expect(pending).resolves.toMatch(/changed while it was being formatted/);
    expect(store.getState().code).toBe('a=12');
  });
});
