import type { WorkerInit } from '../protocol/frameWorker.ts';
import { assetUrlProblem, MAX_PENDING_ASSETS, type AssetReply, type AssetRequest, type RuntimeFiles } from '../protocol/runtimeFiles.ts';
import { classicModuleFactory } from './classicModuleFactory.ts';
import { releaseBytes } from '../protocol/releaseBytes.ts';

/** What every worker boots from, as the frame gives it (the standard library is a copy per worker). */
export type WorkerBootFiles = Pick<WorkerInit, 'indexURL' | 'packageBaseUrl' | 'wasmModule' | 'stdlib' | 'lock'>;

/** Pyodide as the frame holds it: compiled once, handed to each worker, with the page asked for anything else. */
export interface FrameRuntime {
  /** A new blob: URL of a worker's script: Pyodide's module factory, then Executor's worker. */
  workerUrl(): string;
  /**
   * The same script as one data: URL (made once). WebKit with SharedArrayBuffer (Safari's cross-origin isolated
   * page) refuses blob: workers in the opaque frame but starts data: ones.
   */
  workerDataUrl(): Promise<string>;
  /** The files a worker boots from; rejects when Pyodide's code cannot be compiled. */
  bootFiles(): Promise<WorkerBootFiles>;
  /** Asks the page for a file under Pyodide's or the package folder (a wheel), with the hash it must have. */
  requestAsset(request: AssetRequest): Promise<AssetReply>;
  /** The page's answer to the request with this id. */
  deliverAsset(id: number, reply: AssetReply): void;
}

/** Where the frame's workers think Pyodide's files live (they never fetch them). */
export interface RuntimeUrls {
  indexURL: string;
  packageBaseUrl: string;
}

/**
 * Holds the files the page handed over: compiles pyodide.asm.wasm once (each worker
 * instantiates the same module, so V8's optimized code is shared too) and relays
 * workers' requests for other files to the page (`ask` sends the request; at most
 * {@link MAX_PENDING_ASSETS} wait at once).
 */
export function createFrameRuntime(
  files: RuntimeFiles,
  workerSource: string,
  urls: RuntimeUrls,
  appOrigin: string,
  ask: (id: number, request: AssetRequest) => void,
): FrameRuntime {
  const wasmModule = WebAssembly.compile(files.wasm);
  wasmModule.catch(() => undefined); // reported to each worker's boot
  // compile() took its own copy of the bytes: the frame's 10 MB would otherwise stay for the session's life.
  releaseBytes(files.wasm);
  let script: Blob | null = null;
  let scriptProblem: string | null = null;
  try {
    script = new Blob(
      [
        // A worker whose script fails before it can speak says why (WebKit gives the frame no error event for it).
        '{const pm=self.postMessage.bind(self);pm({type:"progress",detail:"Starting Python",progress:0.01});self.addEventListener("error",(e)=>pm({type:"boot-failed",message:e.message+" at "+e.filename+":"+e.lineno+":"+e.colno}));self.addEventListener("unhandledrejection",(e)=>pm({type:"boot-failed",message:"an unhandled rejection: "+(e.reason&&e.reason.stack||e.reason)}));}\n',
        classicModuleFactory(files.asm),
        '\n;\n',
        workerSource,
      ],
      { type: 'text/javascript' },
    );
  } catch (err) {
    scriptProblem = err instanceof Error ? err.message : String(err);
  }
  const waiting = new Map<number, (reply: AssetReply) => void>();
  let nextId = 1;
  let dataUrl: Promise<string> | null = null;

  return {
    workerUrl: () => URL.createObjectURL(script ?? new Blob([`throw new Error(${JSON.stringify(scriptProblem)});`])),
    workerDataUrl() {
      dataUrl ??= new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as string);
        reader.onerror = () => reject(reader.error ?? new Error("The worker's script could not be read"));
        reader.readAsDataURL(script ?? new Blob([`throw new Error(${JSON.stringify(scriptProblem)});`], { type: 'text/javascript' }));
      });
      return dataUrl;
    },
    async bootFiles() {
      if (scriptProblem) throw new Error(scriptProblem);
      return { ...urls, wasmModule: await wasmModule, stdlib: files.stdlib.slice(0), lock: files.lock };
    },
    requestAsset(request) {
      const problem = assetUrlProblem(request.url, appOrigin);
      if (problem) return Promise.resolve({ ok: false, status: 400, error: `${request.url}: ${problem}.` });
      if (waiting.size >= MAX_PENDING_ASSETS)
        return Promise.resolve({ ok: false, status: 429, error: `Too many files requested at once (${MAX_PENDING_ASSETS}); try again.` });
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        ask(id, request);
      });
    },
    deliverAsset(id, reply) {
      const resolve = waiting.get(id);
      waiting.delete(id);
      resolve?.(reply);
    },
  };
}
