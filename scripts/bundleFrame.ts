/**
 * Bundles the sandbox frame's script with esbuild: first the Python worker as a
 * classic script (it is started from a blob: URL inside the frame), then the frame
 * script with the worker's source inlined as a string.
 */
import { build, type BuildOptions } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const shared: BuildOptions = {
  bundle: true,
  write: false,
  format: 'iife',
  target: 'es2022',
  platform: 'browser',
  loader: { '.py': 'text' },
  legalComments: 'none',
  absWorkingDir: root,
  logLevel: 'silent',
  // Pyodide's loader imports Node's modules only when it runs in Node.
  external: ['node:*'],
};

/** Builds the frame script; returns its JavaScript source. */
export async function bundleFrame(options: { minify: boolean }): Promise<string> {
  const worker = await build({ ...shared, minify: options.minify, entryPoints: ['src/worker/worker.ts'] });
  const workerSource = worker.outputFiles?.[0]?.text ?? '';
  const frame = await build({
    ...shared,
    minify: options.minify,
    entryPoints: ['src/frame/main.ts'],
    define: { __WORKER_SOURCE__: JSON.stringify(workerSource) },
  });
  return frame.outputFiles?.[0]?.text ?? '';
}

/** Source folders whose changes require rebuilding the frame script. */
export const FRAME_SOURCE_DIRS = ['src/frame', 'src/worker', 'src/protocol'].map((d) => `${root}${d}`);
