import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { executorVitePlugin } from './scripts/executorVitePlugin.ts';
import { pythonBuildKey } from './scripts/pythonBuildKey.ts';

export default defineConfig({
  plugins: [react(), executorVitePlugin()],
  define: { __PYTHON_BUILD_KEY__: JSON.stringify(pythonBuildKey()) },
  resolve: {
    // monaco-editor's package exports hide its CSS files; reach its ESM folder directly.
    alias: { 'monaco-esm': fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs', import.meta.url)) },
  },
  server: { host: '127.0.0.1', port: 5173 },
  // Pre-bundling Monaco breaks its ?worker import in dev; Vite serves its ESM files as they are.
  optimizeDeps: { exclude: ['monaco-editor', 'monaco-esm'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    // Source maps beside the bundles: a stack trace or a profile of the served app reads as the source. A browser
    // fetches them only when its developer tools are open.
    sourcemap: true,
    // engine.html: the engine without the UI, for the MCP server and the CLI (server/headless).
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        engine: fileURLToPath(new URL('./engine.html', import.meta.url)),
      },
    },
  },
  worker: { format: 'es' },
});
