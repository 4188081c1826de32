// The bare baseline worker: Pyodide with stdout captured, runPython per message.
let pyodide = null;
let out = [];
const decoder = new TextDecoder();

async function init(msg) {
  try {
    const { loadPyodide } = await import(`${msg.indexURL}pyodide.mjs`);
    pyodide = await loadPyodide({ indexURL: msg.indexURL });
    if (msg.interruptBuffer) pyodide.setInterruptBuffer(msg.interruptBuffer);
    pyodide.setStdout({
      write(buffer) {
        out.push(decoder.decode(buffer, { stream: true }));
        return buffer.length;
      },
      isatty: false,
    });
    self.postMessage({ type: 'ready' });
  } catch (err) {
    self.postMessage({ type: 'boot-failed', message: String(err?.message ?? err) });
  }
}

function run(msg) {
  out = [];
  let error = null;
  try {
    pyodide.runPython(msg.code);
  } catch (err) {
    error = String(err?.type ?? err?.message ?? err);
  }
  try {
    pyodide.runPython('import sys; sys.stdout.flush()');
  } catch {
    // a broken stdout is the program's business
  }
  const peakMemoryMB = pyodide._module._malloc_max_footprint() / 2 ** 20;
  self.postMessage({ type: 'result', id: msg.id, stdout: out.join(''), error, peakMemoryMB });
}

async function load(msg) {
  let error = null;
  try {
    await pyodide.loadPackage(msg.urls);
  } catch (err) {
    error = String(err?.message ?? err);
  }
  self.postMessage({ type: 'result', id: msg.id, stdout: '', error, peakMemoryMB: 0 });
}

self.onmessage = (event) => {
  const msg = event.data;
  if (msg.type === 'init') void init(msg);
  else if (msg.type === 'load') void load(msg);
  else if (msg.type === 'run') run(msg);
};
