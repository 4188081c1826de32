import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, validateSettings } from './settings.ts';

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

describe('settings', () => {
  it('defaults follow the seed: 30 s, 512 MB, 10,000 characters', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      timeoutSeconds: 30,
      maxMemoryMB: 512,
      maxOutputChars: 10_000,
      sandboxMode: true,
      coverageThreshold: 80,
    });
    expect(DEFAULT_SETTINGS.forbiddenFunctions).toEqual(['eval', 'exec', '__import__', 'open', 'compile']);
    expect(DEFAULT_SETTINGS.pytestArgs).toEqual(['-v', '--tb=short']);
  });

  it('accepts form strings within range', () => {
    expect(validateSettings({ timeoutSeconds: '2.5', maxMemoryMB: '256', maxOutputChars: '500' })).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, timeoutSeconds: 2.5, maxMemoryMB: 256, maxOutputChars: 500 },
    });
    const check = validateSettings({ maxMemoryMB: '2GB', sandboxMode: 'off', allowedModules: 'numpy, scipy,,numpy', pytestArgs: '-q  -x' });
    expect(check.ok && check.settings).toMatchObject({
      maxMemoryMB: 2048,
      sandboxMode: false,
      allowedModules: ['numpy', 'scipy'],
      pytestArgs: ['-q', '-x'],
    });
  });

  it('names every bad field and applies nothing', () => {
    const check = validateSettings({ timeoutSeconds: '-1', maxMemoryMB: '12XB', maxOutputChars: '10.5' });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors.timeoutSeconds).toMatch(/Timeout must be between/);
    expect(check.errors.maxMemoryMB).toMatch(/Memory limit must be a number/);
    expect(check.errors.maxOutputChars).toMatch(/whole number/);
    const lists = validateSettings({ allowedModules: 'numpy, os.path', forbiddenFunctions: ['eval', 3], sandboxMode: 'maybe' });
    expect(lists.ok).toBe(false);
    if (lists.ok) return;
    expect(lists.errors.allowedModules).toBe('Allowed modules: "os.path" is not a top-level module name like numpy.');
    expect(lists.errors.forbiddenFunctions).toMatch(/Forbidden functions: "3"/);
    expect(lists.errors.sandboxMode).toMatch(/Safe mode must be on or off/);
  });

  it('round-trips through storage and ignores corrupt saved data', () => {
    const s = memoryStorage();
    saveSettings(s, { ...DEFAULT_SETTINGS, timeoutSeconds: 5, maxMemoryMB: 128, maxOutputChars: 200, sandboxMode: false });
    expect(loadSettings(s)).toEqual({ ...DEFAULT_SETTINGS, timeoutSeconds: 5, maxMemoryMB: 128, maxOutputChars: 200, sandboxMode: false });
    // Settings saved before the policy existed keep working.
    s.setItem('executor.settings.v1', JSON.stringify({ timeoutSeconds: 7, maxMemoryMB: 128, maxOutputChars: 200 }));
    expect(loadSettings(s)).toEqual({ ...DEFAULT_SETTINGS, timeoutSeconds: 7, maxMemoryMB: 128, maxOutputChars: 200 });
    s.setItem('executor.settings.v1', '{not json');
    expect(loadSettings(s)).toEqual(DEFAULT_SETTINGS);
    s.setItem('executor.settings.v1', JSON.stringify({ timeoutSeconds: -4 }));
    expect(loadSettings(s)).toEqual(DEFAULT_SETTINGS);
  });
});
