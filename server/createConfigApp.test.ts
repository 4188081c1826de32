import { describe, expect, it } from 'vitest';
import { createApp } from './createApp.ts';
import { parsePackageSources } from '../src/config/packageSources.ts';
import { createConfigApp } from './createConfigApp.ts';
import { describePackageSources } from './packageLock.ts';

describe('GET /api/config', () => {
  it("serves the deployment's defaults from the environment", async () => {
    const app = createApp({ distDir: '/nonexistent', api: createConfigApp({ EXECUTOR_TIMEOUT: '45', EXECUTOR_ALLOWED_MODULES: 'numpy' }) });
    const res = await app.request('/api/config');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { config: Record<string, unknown> };
    expect(body.config).toMatchObject({ TIMEOUT: 45, ALLOWED_MODULES: ['numpy'], SANDBOX_MODE: true, MAX_MEMORY: '512MB' });
  });

  it('serves the package sources it is given, and describes a built lock', async () => {
    const lock = JSON.stringify({
      packages: {
        pytest: { name: 'pytest', file_name: 'pytest-8.3.5-py3-none-any.whl' },
        numpy: { name: 'numpy', file_name: 'https://cdn.example/numpy-2.whl' },
        coverage: { name: 'coverage', file_name: 'coverage-7.6.0-py3-none-any.whl' },
      },
    });
    const sources = describePackageSources(lock, 'https://cdn.example/');
    expect(sources).toEqual({
      selfHosted: { path: '/packages/', packages: ['coverage', 'pytest'] },
      cdn: 'https://cdn.example/',
      pypi: null,
    });
    const body = (await (await createConfigApp({}, undefined, sources).request('/api/config')).json()) as { packageSources: unknown };
    expect(parsePackageSources(body.packageSources)).toEqual(sources);
    expect(parsePackageSources({ selfHosted: { path: '/p/', packages: [1] }, cdn: null })).toBeNull();
  });

  it('logs bad values naming the variable and serves the seed defaults', async () => {
    const lines: string[] = [];
    const app = createConfigApp({ EXECUTOR_SANDBOX_MODE: 'perhaps', EXECUTOR_TIMEOUT: '20' }, (l) => lines.push(l));
    expect(lines).toEqual([expect.stringMatching(/^EXECUTOR_SANDBOX_MODE: SANDBOX_MODE: Safe mode must be on or off/)]);
    const body = (await (await app.request('/api/config')).json()) as { config: Record<string, unknown> };
    expect(body.config.TIMEOUT).toBe(30);
  });
});
