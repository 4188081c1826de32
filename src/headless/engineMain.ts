/**
 * The headless engine page (engine.html): the sandbox frame and the engine, no UI. The MCP server and the
 * CLI open one per session in headless Chromium and call `window.executorEngine` (see server/headless).
 */
// Before any message is validated (see the module).
import '../protocol/zodWithoutEval.ts';
import type { Engine, TestRunOptions } from '../engine/engine.ts';
import { createDebugDriver } from '../engine/createDebugDriver.ts';
import type { DebugDriver } from '../engine/debugDriver.ts';
import type { FileChanges, TestRecord } from '../protocol/testProtocol.ts';
import type { OutputChunk } from '../protocol/results.ts';
import { PROGRESS_BATCH_MS, type PageCallAnswer, type PageCallTarget, type PageProgress } from './pageProgress.ts';
import { createServedEngine } from '../engine/createServedEngine.ts';
import { loadDeploymentConfig } from '../config/loadDeploymentConfig.ts';

declare const __PYTHON_BUILD_KEY__: string;

declare global {
  interface Window {
    /** The engine of the headless page (engine.html). */
    executorEngine?: Engine;
    /** The engine's step debugger, driven one call at a time (the debug tools of the MCP server). */
    executorDebugger?: DebugDriver;
    /** The change sets of the working folder since the last call (see server/headless/createPageEngine.ts). */
    executorTakeFileChanges?: () => FileChanges[];
    /** Calls a method of the engine or its debugger; with `stream`, reports output and finished tests as they come. */
    executorCall?: (target: PageCallTarget, method: string, args: unknown[], stream: boolean) => Promise<PageCallAnswer>;
    /** The server's binding that receives progress (exposed by server/headless/createPageEngine.ts). */
    executorProgress?: (event: PageProgress) => void;
  }
}

const deployment = loadDeploymentConfig();
const engine = createServedEngine(__PYTHON_BUILD_KEY__, deployment, import.meta.env.DEV);
void deployment.then((info) => engine.setPypiIndex(info?.packageSources?.pypi?.index ?? null));
window.executorEngine = engine;
window.executorDebugger = createDebugDriver(engine);
// What runs wrote waits here until the server's next call takes it, with the call's own answer.
const fileChanges: FileChanges[] = [];
engine.on('filesChanged', (changes) => fileChanges.push(changes));
window.executorTakeFileChanges = () => fileChanges.splice(0);

window.executorCall = async (target, method, args, stream) => {
  const object = target === 'engine' ? window.executorEngine : window.executorDebugger;
  const fn = object ? (object as unknown as Record<string, unknown>)[method] : undefined;
  if (typeof fn !== 'function') throw new Error(`The page's ${target} has no method ${method}.`);
  const send = stream ? window.executorProgress : undefined;
  let pending: OutputChunk[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    if (pending.length) send?.({ kind: 'output', chunks: pending });
    pending = [];
  };
  const off = send
    ? engine.on('output', (chunks) => {
        pending.push(...chunks);
        timer ??= setTimeout(flush, PROGRESS_BATCH_MS);
      })
    : () => undefined;
  const callArgs =
    send && target === 'engine' && method === 'runTests'
      ? [
          {
            ...(args[0] as TestRunOptions),
            onRecords: (records: TestRecord[]) =>
              send({ kind: 'tests', records: records.map((r) => ({ nodeId: r.nodeId, outcome: r.outcome })) }),
          },
        ]
      : args;
  try {
    const value: unknown = await (fn as (...a: unknown[]) => unknown).apply(object, callArgs);
    return { value, changes: fileChanges.splice(0) };
  } finally {
    off();
    clearTimeout(timer);
    flush();
  }
};
