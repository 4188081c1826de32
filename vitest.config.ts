import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    {
      // Python sources are imported as text, as esbuild's text loader does in the frame bundle.
      name: 'python-as-text',
      transform(code, id) {
        if (id.endsWith('.py')) return { code: `export default ${JSON.stringify(code)};`, map: null };
        return null;
      },
    },
  ],
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'server/**/*.test.ts', 'scripts/**/*.test.ts', 'scripts/**/*.test.mjs'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
