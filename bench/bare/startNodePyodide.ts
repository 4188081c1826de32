import { Worker } from 'node:worker_threads';

/** A bare Pyodide in a Node worker thread. */
export interface NodePyodide {
  bootMs: number;
  run(code: string): Promise<{ ms: number; value: string }>;
  close(): Promise<number>;
}

/** Boots a bare Pyodide in a worker thread of this process (bench/bare/nodePyodideWorker.mjs). */
export async function startNodePyodide(): Promise<NodePyodide> {
  const worker = new Worker(new URL('./nodePyodideWorker.mjs', import.meta.url));
  const next = () =>
    new Promise<{ type: string; bootMs?: number; ms?: number; value?: string }>((resolve, reject) => {
      worker.once('message', (message: { type: string; bootMs?: number; ms?: number; value?: string }) => {
        worker.off('error', reject);
        resolve(message);
      });
      worker.once('error', reject);
    });
  const ready = await next();
  return {
    bootMs: ready.bootMs ?? NaN,
    async run(code) {
      const answer = next();
      worker.postMessage(code);
      const done = await answer;
      return { ms: done.ms ?? NaN, value: done.value ?? '' };
    },
    close: () => worker.terminate(),
  };
}
