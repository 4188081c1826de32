import { describe, expect, it, vi } from 'vitest';
import type { Engine } from '../engine/engine.ts';
import { createAppStore } from './createAppStore.ts';

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

const fakeEngine = () =>
  ({
    on: () => () => undefined,
    setPolicy: vi.fn(),
    setMonitoring: vi.fn(),
    status: { state: 'ready', detail: '', progress: null },
  }) as unknown as Engine & { setPolicy: ReturnType<typeof vi.fn> };

describe('settings slice: the whole config', () => {
  it('sends the safe-mode policy to the engine on attach and on every applied change', () => {
    const store = createAppStore({ storage: memoryStorage() });
    const engine = fakeEngine();
    store.getState().attachEngine(engine);
    expect(engine.setPolicy).toHaveBeenLastCalledWith(
      expect.objectContaining({ sandboxMode: true, forbiddenFunctions: expect.arrayContaining(['eval']) }),
    );
    store.getState().updateSettings({ sandboxMode: 'false', allowedModules: 'numpy, gc' });
    expect(engine.setPolicy).toHaveBeenLastCalledWith(
      expect.objectContaining({ sandboxMode: false, allowedModules: expect.arrayContaining(['gc', 'math']) }),
    );
  });

  it('applies nothing when one field is bad, and names it', () => {
    const store = createAppStore({ storage: memoryStorage() });
    const check = store.getState().updateSettings({ timeoutSeconds: '5', maxMemoryMB: '12XB' });
    expect(check.ok).toBe(false);
    expect(store.getState().settingsErrors.maxMemoryMB).toMatch(/Memory limit/);
    expect(store.getState().settings.timeoutSeconds).toBe(30);
  });

  it('applies presets over the deployment defaults; an unknown preset changes nothing', () => {
    const store = createAppStore({ storage: memoryStorage() });
    store.getState().setDeploymentDefaults({ TIMEOUT: 45, SANDBOX_MODE: false });
    expect(store.getState().settings).toMatchObject({ timeoutSeconds: 45, sandboxMode: false });
    store.getState().applyPreset('Teaching');
    expect(store.getState().settings).toMatchObject({ timeoutSeconds: 10, sandboxMode: true, allowedModules: [] });
    expect(store.getState().applyPreset('Nope').ok).toBe(false);
    expect(store.getState().presetError).toMatch(/"Nope" is not a preset/);
    expect(store.getState().settings.timeoutSeconds).toBe(10);
    store.getState().applyPreset('Default');
    expect(store.getState().settings).toMatchObject({ timeoutSeconds: 45, sandboxMode: false });
  });

  it("keeps the user's saved settings over the deployment's defaults", () => {
    const storage = memoryStorage();
    createAppStore({ storage: storage }).getState().updateSettings({ timeoutSeconds: '12' });
    const store = createAppStore({ storage: storage });
    store.getState().setDeploymentDefaults({ TIMEOUT: 45 });
    expect(store.getState().settings.timeoutSeconds).toBe(12);
    expect(store.getState().deploymentDefaults.timeoutSeconds).toBe(45);
  });
});
