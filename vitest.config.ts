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
    coverage: {
      provider: 'v8',
      include: ['src/**/*.{ts,tsx}', 'server/**/*.ts', 'scripts/**/*.{ts,mjs}'],
      exclude: ['**/*.test.*', 'src/testing/**', 'server/testing/**', '**/*.d.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
      // The floor is the coverage the unit tests reached when it was set (54.7%, 49.0%, 46.3%, 56.7% on
      // 2026-11-30, whole percents here so a timing-dependent branch cannot fail a run): raise it, never lower it.
      thresholds: { statements: 54, branches: 49, functions: 46, lines: 56 },
    },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
