import { describe, expect, it } from 'vitest';
import { headlessSettings } from './headlessSettings.ts';

describe('headlessSettings', () => {
  it("has the seed's defaults, ten sessions and fifteen idle minutes", () => {
    const { settings, problems } = headlessSettings({});
    expect(problems).toEqual([]);
    expect(settings.runOptions).toEqual({ timeoutMs: 30_000, maxMemoryMB: 512, maxOutputChars: 10_000 });
    expect(settings.policy.sandboxMode).toBe(true);
    expect(settings.policy.allowedModules).toEqual(expect.arrayContaining(['numpy', 'json', 'math']));
    expect(settings.maxSessions).toBe(10);
    expect(settings.idleMs).toBe(15 * 60_000);
  });

  it("follows the app's EXECUTOR_* variables and the MCP ones", () => {
    const { settings } = headlessSettings({
      EXECUTOR_TIMEOUT: '5',
      EXECUTOR_MAX_MEMORY: '1GB',
      EXECUTOR_SANDBOX_MODE: 'false',
      EXECUTOR_MCP_MAX_SESSIONS: '3',
      EXECUTOR_MCP_IDLE_MINUTES: '2',
    });
    expect(settings.runOptions).toMatchObject({ timeoutMs: 5000, maxMemoryMB: 1024 });
    expect(settings.policy.sandboxMode).toBe(false);
    expect(settings.maxSessions).toBe(3);
    expect(settings.idleMs).toBe(120_000);
  });

  it('names a bad variable and keeps its default', () => {
    const { settings, problems } = headlessSettings({ EXECUTOR_MCP_MAX_SESSIONS: 'lots', EXECUTOR_TIMEOUT: '-1' });
    expect(settings.maxSessions).toBe(10);
    expect(settings.runOptions.timeoutMs).toBe(30_000);
    expect(problems.join('\n')).toContain('EXECUTOR_MCP_MAX_SESSIONS must be a number from 1 to 1000; got "lots"');
    expect(problems.join('\n')).toContain('EXECUTOR_TIMEOUT');
  });

  it('takes EXECUTOR_REPLICA_ID as the prefix of session ids, and refuses one that cannot start a header value', () => {
    expect(headlessSettings({}).settings.replicaId).toBeNull();
    expect(headlessSettings({ EXECUTOR_REPLICA_ID: ' r1 ' }).settings.replicaId).toBe('r1');
    const bad = headlessSettings({ EXECUTOR_REPLICA_ID: 'r-1; drop' });
    expect(bad.settings.replicaId).toBeNull();
    expect(bad.problems.join('\n')).toContain('EXECUTOR_REPLICA_ID must be 1-32 letters, digits or underscores');
  });
});
