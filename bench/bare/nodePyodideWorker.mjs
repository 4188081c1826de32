// One bare Pyodide in a Node worker thread (the unsafe baseline MCP servers use): boots, says so, then runs each
// program it is sent and answers with the time it took.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { loadPyodide } from 'pyodide';

// In a worker thread Pyodide cannot find its own folder: name it.
const indexURL = `${dirname(createRequire(import.meta.url).resolve('pyodide'))}/`;
const started = performance.now();
const pyodide = await loadPyodide({ indexURL });
parentPort.postMessage({ type: 'ready', bootMs: performance.now() - started });
parentPort.on('message', (code) => {
  const t = performance.now();
  const value = String(pyodide.runPython(code));
  parentPort.postMessage({ type: 'done', ms: performance.now() - t, value });
});
