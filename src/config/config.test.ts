import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './settings.ts';
import { configFromEnv } from './configFromEnv.ts';
import { runPolicyOf, settingsToConfig, validateConfig } from './configSettings.ts';
import { DEFAULT_CONFIG, parseMemoryMB } from './executorConfig.ts';
import { presetSettings } from './presets.ts';

describe('ExecutorConfig', () => {
  it("has the seed's names and defaults, and round-trips through the settings", () => {
    expect(DEFAULT_CONFIG).toMatchObject({
      TIMEOUT: 30,
      MAX_MEMORY: '512MB',
      MAX_OUTPUT_LENGTH: 10000,
      SANDBOX_MODE: true,
      ALLOWED_MODULES: ['numpy', 'pandas', 'matplotlib', 'sklearn', 'requests', 'json'],
      FORBIDDEN_FUNCTIONS: ['eval', 'exec', '__import__', 'open', 'compile'],
      PYTEST_ARGS: ['-v', '--tb=short'],
      COVERAGE_THRESHOLD: 80,
      ENABLE_PROFILING: true,
      COLLECT_METRICS: true,
    });
    expect(settingsToConfig(DEFAULT_SETTINGS)).toEqual(DEFAULT_CONFIG);
    const check = validateConfig(DEFAULT_CONFIG as unknown as Record<string, unknown>, DEFAULT_SETTINGS);
    expect(check).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('parses memory sizes', () => {
    expect(parseMemoryMB('512MB')).toBe(512);
    expect(parseMemoryMB('2GB')).toBe(2048);
    expect(parseMemoryMB('12XB')).toBeNull();
  });

  it('names each bad field by its seed name and applies nothing', () => {
    const check = validateConfig({ TIMEOUT: -1, MAX_MEMORY: '12XB', SANDBOX_MODE: false, COLOR: 'red' }, DEFAULT_SETTINGS);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors.TIMEOUT).toMatch(/^TIMEOUT: Timeout must be between 0.1 and 3600 seconds; -1 is out of range/);
    expect(check.errors.MAX_MEMORY).toMatch(/^MAX_MEMORY: .*"12XB" is not/);
    expect((check.errors as Record<string, string>).COLOR).toMatch(/COLOR is not a setting/);
    expect(check.errors.SANDBOX_MODE).toBeUndefined();
  });

  it('has Default, Scientific and Teaching presets; an unknown preset is named', () => {
    expect(presetSettings('Default', DEFAULT_SETTINGS)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
    const sci = presetSettings('Scientific', DEFAULT_SETTINGS);
    expect(sci.ok && sci.settings).toMatchObject({ maxMemoryMB: 2048, allowedModules: expect.arrayContaining(['scipy', 'numpy']) });
    const teaching = presetSettings('Teaching', DEFAULT_SETTINGS);
    expect(teaching.ok && teaching.settings).toMatchObject({ sandboxMode: true, allowedModules: [], timeoutSeconds: 10 });
    expect(presetSettings('Hacker', DEFAULT_SETTINGS)).toEqual({
      ok: false,
      error: expect.stringMatching(/"Hacker" is not a preset; choose one of Default, Scientific, Teaching/),
    });
  });

  it('makes the run policy: ALLOWED_MODULES plus the safe standard library', () => {
    const policy = runPolicyOf(DEFAULT_SETTINGS);
    expect(policy.sandboxMode).toBe(true);
    expect(policy.allowedModules).toEqual(expect.arrayContaining(['numpy', 'json', 'math', 're']));
    expect(policy.allowedModules).not.toContain('ctypes');
    expect(policy.forbiddenFunctions).toContain('eval');
  });

  it('reads deployment defaults from the environment, all or nothing', () => {
    const { config, problems } = configFromEnv({
      EXECUTOR_TIMEOUT: '60',
      EXECUTOR_MAX_MEMORY: '1GB',
      EXECUTOR_SANDBOX_MODE: 'false',
      EXECUTOR_ALLOWED_MODULES: 'numpy,pandas,matplotlib',
      PYTEST_ARGS: '-v --tb=short --cov',
      COVERAGE_THRESHOLD: '90',
    });
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      TIMEOUT: 60,
      MAX_MEMORY: '1GB',
      SANDBOX_MODE: false,
      ALLOWED_MODULES: ['numpy', 'pandas', 'matplotlib'],
      PYTEST_ARGS: ['-v', '--tb=short', '--cov'],
      COVERAGE_THRESHOLD: 90,
    });
    const bad = configFromEnv({ EXECUTOR_TIMEOUT: '-5', EXECUTOR_MAX_MEMORY: '12XB', EXECUTOR_SANDBOX_MODE: 'false' });
    expect(bad.config).toEqual(DEFAULT_CONFIG);
    expect(bad.problems).toEqual([
      expect.stringMatching(/^EXECUTOR_TIMEOUT: TIMEOUT: Timeout must be between/),
      expect.stringMatching(/^EXECUTOR_MAX_MEMORY: MAX_MEMORY: /),
    ]);
  });
});
