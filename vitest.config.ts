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
      // The floors are the coverage the unit tests reached when they were set (2026-12-06: all files 68.9% statements,
      // 60.4% branches, 65.3% functions, 70.6% lines; src/ 74.3% lines, 61.7% branches), in whole percents a little
      // below, so a timing-dependent branch cannot fail a run: raise them, never lower them. src/ must stay at or
      // above 70% of lines and 60% of branches (the architecture issue's bar).
      thresholds: { statements: 68, branches: 59, functions: 64, lines: 69, 'src/**': { lines: 73, branches: 60 } },
    },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
