/**
 * The Azure key must never reach the browser. This builds the app the way `npm run build`
 * does, with sentinel values in every variable that holds a secret (and in VITE_-prefixed
 * copies, which Vite would inline), then searches everything the build emits for them.
 * It fails if anyone exposes these variables through import.meta.env, `define` or `envPrefix`.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SECRETS = {
  AZURE_OPENAI_API_KEY: 'sentinel-azure-key-0f9e8d7c6b5a',
  AZURE_OPENAI_ENDPOINT: 'https://sentinel-resource-4b3a.openai.azure.com',
  EXECUTOR_ACCESS_TOKEN: 'sentinel-access-token-1a2b3c',
  REDIS_URL: 'redis://sentinel-redis-9z8y:6379',
};
const TEXT_FILE = /\.(js|mjs|cjs|html|css|json|map|txt|webmanifest|svg)$/;

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

let outDir = '';
afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('the built bundle', () => {
  it(
    'contains none of the server secrets, even when they are set (also as VITE_ variables) at build time',
    { timeout: 240_000 },
    async () => {
      outDir = await mkdtemp(join(tmpdir(), 'executor-bundle-'));
      const saved = { ...process.env };
      for (const [name, value] of Object.entries(SECRETS)) {
        process.env[name] = value;
        process.env[`VITE_${name}`] = value;
      }
      try {
        await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
      } finally {
        process.env = saved;
      }
      let scanned = 0;
      let sawProxyClient = false;
      const leaks: string[] = [];
      for await (const path of files(outDir)) {
        if (!TEXT_FILE.test(path)) continue;
        const text = await readFile(path, 'utf8');
        scanned += 1;
        if (text.includes('/api/openai/v1')) sawProxyClient = true;
        for (const [name, value] of Object.entries(SECRETS))
          if (text.includes(value)) leaks.push(`${name} in ${path.slice(outDir.length)}`);
      }
      expect(scanned).toBeGreaterThan(3);
      expect(sawProxyClient).toBe(true); // the scan did see the chat client's code
      expect(leaks).toEqual([]);
    },
  );
});
