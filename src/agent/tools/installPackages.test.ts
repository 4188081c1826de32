import { describe, expect, it, vi } from 'vitest';
import { createFakeToolContext } from '../../testing/createFakeToolContext.ts';
import { invokeTool } from './defineTool.ts';
import { installPackagesTool } from './installPackages.ts';

describe('install_packages', () => {
  it('installs through the engine, says what loaded and what failed, and hands the report on (the session keeps it)', async () => {
    const report = { installed: [{ name: 'pytest', version: '8.3.5' }], failed: [{ name: 'numpy', reason: 'offline' }] };
    const install = vi.fn(async () => report);
    const ctx = createFakeToolContext({ engine: { install } });
    const outcome = await invokeTool(installPackagesTool, { packages: ['pytest', 'numpy'] }, ctx);
    expect(install).toHaveBeenCalledWith(['pytest', 'numpy']);
    expect(outcome).toEqual({ ok: false, summary: 'Installed pytest 8.3.5. Failed: numpy.', data: report });
    expect(ctx.recordedInstalls).toEqual([report]);
  });

  it('refuses names that are not package names (no URLs, no paths) without calling the engine', async () => {
    const install = vi.fn();
    const outcome = await invokeTool(
      installPackagesTool,
      { packages: ['https://evil.example/x.whl'] },
      createFakeToolContext({ engine: { install } }),
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.summary).toMatch(/Bad arguments for install_packages: packages\.0: a package name/);
    expect(install).not.toHaveBeenCalled();
  });
});
