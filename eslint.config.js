// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Where imports may go. The app's layers, top to bottom:
 *   ui → commands → store → agent, engine, ruff, runs, session, project → config → protocol, format.
 * frame/ and worker/ run inside the sandbox and import only protocol/, format/ and their own folder;
 * server/ imports only the pure shared modules (src/protocol, src/config); the headless engine, the MCP server
 * and the CLI (server/headless, server/mcp, server/cli) drive the engine page as the agent does, so they may also
 * use the agent's tool summaries and the engine's, runs' and project's types and pure helpers.
 * Each zone says: files in `target` may not import from `from` (except `except`).
 */
const below = (/** @type {string} */ folder, /** @type {string[]} */ allowed) => ({
  target: `./src/${folder}`,
  from: './src',
  except: [`./${folder}`, ...allowed],
  message: `src/${folder} may import only from ${allowed.map((a) => `src/${a.slice(2)}`).join(', ') || 'itself'} (see docs/architecture.md).`,
});
const LIB = ['./protocol', './config', './format'];
const boundaries = [
  below('protocol', []),
  // How numbers and pytest's summary lines are written for people: pure, shared by the page and the sandbox.
  below('format', []),
  below('config', ['./protocol']),
  below('project', LIB),
  below('runs', [...LIB, './project']),
  below('session', [...LIB, './project']),
  below('engine', [...LIB, './runs', './project']),
  // Ruff: the editor's linter and formatter, in a worker of the page (outside the sandbox).
  below('ruff', LIB),
  below('agent', [...LIB, './engine', './runs', './project']),
  below('store', [...LIB, './agent', './engine', './ruff', './runs', './project', './session']),
  below('commands', [...LIB, './store', './agent', './engine', './ruff', './runs', './project', './session']),
  below('ui', [...LIB, './commands', './store', './agent', './engine', './ruff', './runs', './project', './session']),
  below('frame', ['./protocol', './format']),
  below('worker', ['./protocol', './format']),
  below('headless', [...LIB, './engine', './project']),
  {
    target: './server',
    from: './src',
    except: ['./protocol', './config', './format', './headless', './agent', './engine', './runs', './project'],
    message:
      'server/headless, server/mcp and server/cli may import src/protocol, src/config, src/format, src/headless, src/agent, src/engine, src/runs and src/project.',
  },
  {
    target: ['./server/*.ts', './server/proxy', './server/testing'],
    from: './src',
    except: ['./protocol', './config'],
    message: 'server/ may import only the shared pure modules src/protocol and src/config.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
      'public/**',
      '.shots/**',
      'bench/.dist/**',
      'bench/.dist-profile/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'scripts/*/*.mjs', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser, ...globals.worker, ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Handlers return promises on purpose (React's onClick, Hono's routes); a floating one is still an error.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // An async function without await is how many interface implementations return a promise.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // The layers hold for the code that ships; a unit test may reach across them (and into
    // src/testing) to assemble what it checks.
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'src/testing/**'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: boundaries }] },
  },
  {
    // Zustand's actions are closures that never use `this`; the slices declare them as methods.
    files: ['src/store/**', 'src/ui/**'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // Pyodide types every PyProxy member as `any`: the worker's bridge to Python is dynamic by
    // nature, and its results are checked where they cross into typed code.
    files: ['src/worker/**', 'src/testing/loadTestRuntime.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The `executor` fixture may be a page shared by the worker's tests: Playwright's own `page` beside it
    // would be another, blank page, and assertions on it would hold vacuously.
    files: ['e2e/**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ObjectPattern:has(> Property[key.name='executor']):has(> Property[key.name='page'])",
          message: 'Use `const { page } = executor;`: the `page` fixture is not the page the executor drives.',
        },
      ],
    },
  },
  {
    // Tests use matchers typed `any` (expect.any, expect.objectContaining) and spy on methods.
    files: ['**/*.test.ts', '**/*.test.tsx', 'src/testing/**', 'e2e/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    // Plain JavaScript build scripts: no type information to lint against.
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
