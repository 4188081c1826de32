import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from './createAppStore.ts';
import { createRecordingEngine } from '../testing/createRecordingEngine.ts';

function setup() {
  const store = createAppStore();
  const { engine } = createRecordingEngine();
  store.getState().attachEngine(engine);
  return { store, engine };
}

describe('the packages slice', () => {
  it('analyzes the code, installs what is available, and analyzes again', async () => {
    const { store, engine } = setup();
    engine.analyzeDependencies = vi.fn(async () => [
      { module: 'numpy', verdict: 'available' as const, package: 'numpy', source: 'cdn' as const },
      { module: 'np2', verdict: 'available' as const, package: 'numpy', source: 'cdn' as const },
      { module: 'json', verdict: 'stdlib' as const, package: null, source: null },
    ]);
    await store.getState().analyzeDependencies();
    expect(store.getState().dependencies).toHaveLength(3);
    await store.getState().installNeeded();
    expect(engine.install).toHaveBeenCalledWith(['numpy']);
    expect(store.getState().lastInstall?.installed).toEqual([{ name: 'numpy', version: '1.0' }]);
    expect(store.getState().entries.some((e) => e.text === 'Installed numpy 1.0.')).toBe(true);
    expect(engine.analyzeDependencies).toHaveBeenCalledTimes(2);
    expect(store.getState().packagesBusy).toBeNull();
  });

  it('installs by name (trimmed, once each), and says why an install or an analysis failed', async () => {
    const { store, engine } = setup();
    await store.getState().installPackages(['  six ', 'six', '']);
    expect(engine.install).toHaveBeenCalledWith(['six']);
    engine.install = vi.fn(async () => ({ installed: [], failed: [{ name: 'nope', reason: 'nope is not in the package index' }] }));
    await store.getState().installPackages(['nope']);
    expect(store.getState().entries.some((e) => e.text.includes('nope is not in the package index'))).toBe(true);
    engine.install = vi.fn(async () => {
      throw new Error('offline');
    });
    await store.getState().installPackages(['x']);
    expect(store.getState().packagesError).toBe('Loading packages failed: offline');
    engine.analyzeDependencies = vi.fn(async () => {
      throw new Error('no interpreter');
    });
    await store.getState().analyzeDependencies();
    expect(store.getState().packagesError).toBe('Dependency analysis failed: no interpreter');
    store.getState().resetPackagesForSession();
    expect(store.getState().packagesError).toBeNull();
    expect(store.getState().lastInstall).toBeNull();
  });

  it('does nothing to install when nothing is needed, and remembers auto-loading', async () => {
    const { store, engine } = setup();
    await store.getState().installNeeded();
    expect(engine.install).not.toHaveBeenCalled();
    store.getState().setAutoLoadPackages(false);
    expect(store.getState().autoLoadPackages).toBe(false);
  });
});
