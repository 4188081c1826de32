import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, validateSettings } from './settings.ts';

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

describe('settings', () => {
  it('defaults follow the seed: 30 s, 512 MB, 10,000 characters', () => {
    expect(DEFAULT_SETTINGS).toEqual({ timeoutSeconds: 30, maxMemoryMB: 512, maxOutputChars: 10_000 });
  });

  it('accepts form strings within range', () => {
    expect(validateSettings({ timeoutSeconds: '2.5', maxMemoryMB: '256', maxOutputChars: '500' })).toEqual({
      ok: true,
      settings: { timeoutSeconds: 2.5, maxMemoryMB: 256, maxOutputChars: 500 },
    });
  });

  it('names every bad field and applies nothing', () => {
    const check = validateSettings({ timeoutSeconds: '-1', maxMemoryMB: '12XB', maxOutputChars: '10.5' });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors.timeoutSeconds).toMatch(/Timeout must be between/);
    expect(check.errors.maxMemoryMB).toMatch(/Memory limit must be a number/);
    expect(check.errors.maxOutputChars).toMatch(/whole number/);
  });

  it('round-trips through storage and ignores corrupt saved data', () => {
    const s = memoryStorage();
    saveSettings(s, { timeoutSeconds: 5, maxMemoryMB: 128, maxOutputChars: 200 });
    expect(loadSettings(s)).toEqual({ timeoutSeconds: 5, maxMemoryMB: 128, maxOutputChars: 200 });
    s.setItem('executor.settings.v1', '{not json');
    expect(loadSettings(s)).toEqual(DEFAULT_SETTINGS);
    s.setItem('executor.settings.v1', JSON.stringify({ timeoutSeconds: -4 }));
    expect(loadSettings(s)).toEqual(DEFAULT_SETTINGS);
  });
});
