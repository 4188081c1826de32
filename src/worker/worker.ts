/// <reference lib="webworker" />
/**
 * The Python worker. Built as a classic script and started from a blob: URL by the
 * sandboxed frame (a worker from a URL, or a module blob worker, does not start in an
 * opaque origin). User code runs here; nothing here trusts it.
 */
// Before any message is validated (see the module).
import '../protocol/zodWithoutEval.ts';
import type {
  FrameToWorker,
  WorkerCall,
  WorkerInit,
  WorkerLanguage,
  WorkerRun,
  WorkerTests,
  WorkerToFrame,
} from '../protocol/frameWorker.ts';
import { loadPyodide } from 'pyodide';
import { releaseBytes } from '../protocol/releaseBytes.ts';
import { readBlob } from './readBlob.ts';
import { bootPyodide, type BootDeps, type PythonRuntime } from './bootPyodide.ts';
import { createAssetFetch } from './createAssetFetch.ts';
import { autoLoadImports, explainMissingModule } from './autoLoadImports.ts';
import { analyzeImports } from './packages.ts';
import { runCode } from './runCode.ts';
import { isInterrupt, stoppedResult } from './stoppedResult.ts';
import { runSafely } from './runSafely.ts';
import { validateCode } from './validateCode.ts';
import { errorScope } from './errorScope.ts';
import { listVariables } from './listVariables.ts';
import { answerLanguage } from './answerLanguage.ts';
import { createRecordBatcher } from './createRecordBatcher.ts';
import { ensureTestPackages, runTests, syncProjectFiles } from './runTests.ts';
import { reportFileChanges } from './reportFileChanges.ts';
import { workspaceOf } from './workspaceOf.ts';

/** Files at least this large are removed from a test interpreter after each test run (written again by the next). */
const RELEASE_AFTER_TESTS_BYTES = 1024 * 1024;
import { createDebugChannel } from './createDebugChannel.ts';
import type { DebugAnswer, DebugPause } from '../protocol/debug.ts';
import { meterFetch } from './meterFetch.ts';
import { ensureSessionPackages, installPackages } from './installPackages.ts';
import { dependencyResult } from './dependencyResult.ts';
import { installScriptDependencies, readDeclaredDependencies } from './installScriptDependencies.ts';
import { createRunScope } from './createRunScope.ts';
import { endBackground } from './endBackground.ts';
import { receiveMessages } from './receiveMessages.ts';
import { warmUp } from './warmUp.ts';
import { installAllocationGuard, type AllocationGuard } from './createAllocationGuard.ts';

declare const self: DedicatedWorkerGlobalScope;

// Keep our own handle on postMessage and hide it from user code, which can reach
// the worker's global scope through the `js` module: it cannot forge our messages.
const post: (msg: WorkerToFrame, transfer?: Transferable[]) => void = (() => {
  const postMessage = self.postMessage.bind(self) as (msg: unknown, transfer: Transferable[]) => void;
  return (msg: WorkerToFrame, transfer: Transferable[] = []) => postMessage(msg, transfer);
})();
Object.defineProperty(self, 'postMessage', { value: undefined, configurable: false, writable: false });
Object.defineProperty(Object.getPrototypeOf(self), 'postMessage', { value: undefined, configurable: false, writable: false });

// Pyodide's own files and the index's wheels come from the page (which the browser caches), not the network.
const assets = createAssetFetch(self.fetch.bind(self), (id, request) => post({ type: 'asset-request', id, ...request }));
// Pyodide downloads packages with the global fetch: metered, they show as a progress bar in bytes.
// Read-only, so a program cannot hand later runs' package downloads to code of its own.
Object.defineProperty(self, 'fetch', {
  value: meterFetch(assets.fetch, (tick) => post({ type: 'download', tick })),
  writable: false,
  configurable: false,
});

// The frame starts this worker from a script that begins with Pyodide's module factory (pyodide.asm.mjs made classic).
const bootDeps: BootDeps = {
  loadPyodide: loadPyodide,
  moduleFactory: (settings) => (self as unknown as { _createPyodideModule: BootDeps['moduleFactory'] })._createPyodideModule(settings),
  serve: (url, respond) => assets.serve(url, respond),
};

// Timers, intervals and workers a run creates through `js` end with the run.
const scope = createRunScope(self);

let runtime: PythonRuntime | null = null;
let interrupt: Int32Array | null = null;
let stdinBuffer: SharedArrayBuffer | null = null;
let debugBuffer: SharedArrayBuffer | null = null;
let debugGuard: SharedArrayBuffer | null = null;
let crashed = false;
// Put in place once Pyodide has booted (its own buffers are not the program's).
let allocations: AllocationGuard | undefined;

function fatal(id: number | null, err: unknown): void {
  crashed = true;
  post({ type: 'fatal', id, message: err instanceof Error ? err.message : String(err) });
}

async function init(msg: WorkerInit): Promise<void> {
  const started = performance.now();
  // Without shared memory nobody else can write it: Stop then ends the worker instead.
  interrupt = msg.interruptBuffer ?? new Int32Array(1);
  stdinBuffer = msg.stdinBuffer;
  debugBuffer = msg.debugBuffer;
  debugGuard = msg.debugGuard;
  try {
    // Every GET goes through the page: Pyodide's and the index's files, the package CDN's wheels, micropip's
    // index pages and downloads (the frame's CSP allows the worker no connection of its own).
    assets.route([msg.indexURL, msg.packageBaseUrl, 'https://', 'http://']);
    const snapshot = msg.snapshot ? await readBlob(msg.snapshot) : null;
    const booted = await bootPyodide(msg, bootDeps, (detail, progress) => post({ type: 'progress', detail, progress }), {
      snapshot,
      makeSnapshot: msg.makeSnapshot,
    }).finally(() => {
      // Booted, the interpreter holds its own copies: these 40 MB would otherwise stay for the worker's life.
      releaseBytes(snapshot);
      releaseBytes(msg.stdlib);
    });
    if (msg.makeSnapshot) {
      makeSnapshot(booted.runtime);
      return;
    }
    runtime = booted.runtime;
    allocations = installAllocationGuard();
    if (msg.interruptBuffer) runtime.pyodide.setInterruptBuffer(msg.interruptBuffer);
    post({ type: 'ready', bootMs: performance.now() - started, boot: booted.report.boot, snapshotProblem: booted.report.problem });
    // A restored interpreter has run none of its code yet: the browser compiles it on first use, which
    // would make the user's first run slow. A warm-up run nobody sees pays that now.
    if (booted.report.boot === 'snapshot') await warmUp(runtime, interrupt);
  } catch (err) {
    post({ type: 'boot-failed', message: err instanceof Error ? err.message : String(err) });
  }
}

// Only a worker booted for it, which never runs user code, makes a snapshot: no program's state can reach one.
function makeSnapshot(rt: PythonRuntime): void {
  try {
    const bytes = rt.pyodide.makeMemorySnapshot();
    post({ type: 'snapshot', bytes }, [bytes.buffer]);
  } catch (err) {
    post({ type: 'snapshot-failed', message: err instanceof Error ? err.message : String(err) });
  }
}

async function run(msg: WorkerRun): Promise<void> {
  if (!runtime || !interrupt || crashed) {
    fatal(msg.id, new Error('The interpreter is not available.'));
    return;
  }
  const notify = (text: string) => post({ type: 'notice', level: 'info', text });
  try {
    if (msg.options.files) syncProjectFiles(runtime, msg.options.files);
    const rt = runtime;
    const buffer = interrupt;
    // Safe mode refuses code with error diagnostics before any package is loaded.
    let failed = new Map<string, string>();
    const ran = await runSafely(rt, msg.code, msg.options.policy, {
      prepare: async () => {
        await ensureSessionPackages(rt, msg.options.packages, msg.options.policy, msg.options.pypiIndex ?? null, notify);
        const unmet = await installScriptDependencies(rt, msg.code, msg.options.policy, msg.options.pypiIndex ?? null, notify);
        if (unmet?.length) return dependencyResult(unmet);
        if (msg.options.autoLoadPackages !== false) failed = await autoLoadImports(rt, msg.code, notify);
        if (msg.options.debug?.test) await ensureTestPackages(rt, false, notify);
      },
      execute: () => {
        post({ type: 'started', id: msg.id });
        return runCode(rt, msg.code, msg.options, buffer, (chunks) => post({ type: 'output', id: msg.id, chunks }), {
          sendDisplay: (display) => post({ type: 'display', id: msg.id, display }),
          stdinBuffer,
          inputUnavailable: stdinBuffer
            ? undefined
            : 'input() has no pre-filled input to read, and interactive input needs a browser that gives the sandbox ' +
              'SharedArrayBuffer (a cross-origin isolated page). Type it under Input (pre-filled standard input, in the Console tab) and run again.',
          requestInput: () => post({ type: 'input-request', id: msg.id }),
          sendSample: (sample) => post({ type: 'sample', id: msg.id, sample }),
          scope: { begin: () => scope.begin(), end: () => endBackground(rt, scope, notify) },
          allocations,
          debug:
            debugBuffer && debugGuard
              ? createDebugChannel({
                  guard: new BigInt64Array(debugGuard),
                  mailbox: debugBuffer,
                  interrupt: buffer,
                  // The page checks both against the protocol's schemas.
                  onPause: (pause) => post({ type: 'debug-paused', id: msg.id, pause: pause as DebugPause }),
                  onAnswer: (requestId, answer) => post({ type: 'debug-answer', id: msg.id, requestId, answer: answer as DebugAnswer }),
                })
              : undefined,
        });
      },
    });
    const result = explainMissingModule(ran, failed);
    // What the program wrote reaches the page before the result: the project is up to date when the run ends.
    if (msg.options.files) reportFileChanges(rt, post);
    // The output already went out as 'output' messages; the engine puts it back
    // into the result, so a large output never travels twice.
    post({ type: 'result', id: msg.id, result: { ...result, output: [], stdout: '', stderr: '', displays: [] } });
    // A program can leave Pyodide "fatally failed" and still end normally (it caught the error):
    // the frame hears of it now, so the next run is served by a fresh interpreter.
    if (hasFailed(rt)) fatal(null, new Error('Pyodide failed fatally during the last run.'));
  } catch (err) {
    // A Stop that arrived while the project's files were written or packages
    // loaded interrupts Executor's own Python: the run simply did not start.
    if (isInterrupt(err)) {
      if (msg.options.files && runtime) reportFileChanges(runtime, post);
      post({ type: 'result', id: msg.id, result: stoppedResult() });
      return;
    }
    // The runner catches every Python exception, so anything else here is the
    // interpreter itself failing (stack overflow, "Pyodide has suffered a fatal error").
    fatal(msg.id, runtime && hasFailed(runtime) ? new Error('Pyodide reported a fatal error and can no longer be used.') : err);
  }
}

/** After a fatal error Pyodide's API throws on every access. */
function hasFailed(rt: PythonRuntime): boolean {
  try {
    void rt.pyodide.globals;
    return false;
  } catch {
    return true;
  }
}

async function call(msg: WorkerCall): Promise<void> {
  if (!runtime || crashed) {
    post({ type: 'call-result', id: msg.id, response: { ok: false, error: 'The interpreter is not available.' } });
    return;
  }
  const notify = (text: string) => post({ type: 'notice', level: 'info', text });
  try {
    const { request } = msg;
    let value;
    if (request.method === 'analyzeImports') value = analyzeImports(runtime, request.code);
    else if (request.method === 'validate') value = validateCode(runtime, request.code, request.policy);
    else if (request.method === 'errorScope') value = errorScope(runtime, request.error);
    else if (request.method === 'variables') value = listVariables(runtime, request.request);
    else if (request.method === 'declaredDependencies')
      value = await readDeclaredDependencies(runtime, request.requirements, request.pyproject);
    else value = await installPackages(runtime, request.packages, request.policy, request.pypiIndex ?? null, notify);
    post({ type: 'call-result', id: msg.id, response: { ok: true, value } });
  } catch (err) {
    post({ type: 'call-result', id: msg.id, response: { ok: false, error: err instanceof Error ? err.message : String(err) } });
  }
}

async function tests(msg: WorkerTests): Promise<void> {
  if (!runtime || !interrupt || crashed) {
    fatal(msg.id, new Error('The interpreter is not available.'));
    return;
  }
  const id = msg.id;
  const notify = (text: string) => post({ type: 'notice', level: 'info', text });
  let done;
  const records = createRecordBatcher((batch) => post({ type: 'test-records', id, records: batch }));
  try {
    done = await runTests(
      runtime,
      msg.request,
      {
        output: (chunks) => post({ type: 'output', id, chunks }),
        begin: () => post({ type: 'tests-begin', id }),
        start: (nodeId) => {
          records.starting();
          post({ type: 'test-start', id, nodeId });
        },
        record: (record) => records.add(record),
      },
      notify,
    );
    records.flush();
  } catch (err) {
    records.flush();
    if (err instanceof Error && /fatal error/i.test(err.message)) {
      fatal(id, err);
      return;
    }
    // Packages that could not load, or a file that could not be written: say why.
    const problem = err instanceof Error ? err.message : String(err);
    done = {
      exitCode: -1,
      counts: {},
      collectCounts: {},
      collected: [],
      durationMs: 0,
      coverage: null,
      problem,
      memory: false,
      outputTruncated: false,
    };
  }
  if (msg.request.mode !== 'prepare') reportFileChanges(runtime, post);
  // Large files leave the test interpreters between runs: the editor's interpreter keeps the only other copy.
  workspaceOf(runtime).release(RELEASE_AFTER_TESTS_BYTES);
  post({ type: 'tests-done', id, done });
}

// Only the language worker gets these; it is never given user code to run.
async function language(msg: WorkerLanguage): Promise<void> {
  const response =
    runtime && !crashed
      ? await answerLanguage(runtime, msg.request)
      : { ok: false as const, error: 'The language interpreter is not available.' };
  post({ type: 'language-result', id: msg.id, response });
}

receiveMessages(self, (msg: FrameToWorker) => {
  if (msg.type === 'init') void init(msg);
  else if (msg.type === 'run') {
    // Said at once: a worker that cannot say it (something a run left keeps it busy) gets replaced.
    post({ type: 'accepted', id: msg.id });
    void run(msg);
  } else if (msg.type === 'call') void call(msg);
  else if (msg.type === 'tests') void tests(msg);
  else if (msg.type === 'language') void language(msg);
  else assets.deliver(msg.id, msg.reply);
});
self.addEventListener('error', (event) => fatal(null, event.message));
