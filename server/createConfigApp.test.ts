import { describe, expect, it } from 'vitest';
import { createApp } from './createApp.ts';
import { createConfigApp } from './createConfigApp.ts';

describe('GET /api/config', () => {
  it("serves the deployment's defaults from the environment", async () => {
    const app = createApp({ distDir: '/nonexistent', api: createConfigApp({ EXECUTOR_TIMEOUT: '45', EXECUTOR_ALLOWED_MODULES: 'numpy' }) });
    const res = await app.request('/api/config');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { config: Record<string, unknown> };
    expect(body.config).toMatchObject({ TIMEOUT: 45, ALLOWED_MODULES: ['numpy'], SANDBOX_MODE: true, MAX_MEMORY: '512MB' });
  });

  it('logs bad values naming the variable and serves the seed defaults', async () => {
    const lines: string[] = [];
    const app = createConfigApp({ EXECUTOR_SANDBOX_MODE: 'perhaps', EXECUTOR_TIMEOUT: '20' }, (l) => lines.push(l));
    expect(lines).toEqual([expect.stringMatching(/^EXECUTOR_SANDBOX_MODE: SANDBOX_MODE: Safe mode must be on or off/)]);
    const body = (await (await app.request('/api/config')).json()) as { config: Record<string, unknown> };
    expect(body.config.TIMEOUT).toBe(30);
  });
});
