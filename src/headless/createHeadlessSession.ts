import type { Engine, TestRunOptions } from '../engine/engine.ts';
import { createDebugDriver } from '../engine/createDebugDriver.ts';
import type { DebugDriver } from '../engine/debugDriver.ts';
import type { FileChanges, TestRecord } from '../protocol/testProtocol.ts';
import type { OutputChunk } from '../protocol/results.ts';
import { PROGRESS_BATCH_MS, type PageCallAnswer, type PageCallTarget, type PageProgress } from './pageProgress.ts';

/** One session of the headless page: its engine (its own sandbox frame) and that engine's step debugger. */
export interface HeadlessSession {
  /**
   * Calls a method of the engine or its debugger. With `send`, the program's output (batched every
   * {@link PROGRESS_BATCH_MS}) and finished tests reach it as they come. The answer carries the change sets
   * of the working folder since the last call.
   */
  call(target: PageCallTarget, method: string, args: unknown[], send?: (event: PageProgress) => void): Promise<PageCallAnswer>;
  /** Ends the engine: its frame and its interpreters go. */
  dispose(): void;
}

/** Wraps an engine for the server's calls (see server/headless/createPageEngine.ts). */
export function createHeadlessSession(engine: Engine): HeadlessSession {
  const debug: DebugDriver = createDebugDriver(engine);
  // What runs wrote waits here until the server's next call takes it, with the call's own answer.
  const fileChanges: FileChanges[] = [];
  const offFiles = engine.on('filesChanged', (changes) => fileChanges.push(changes));

  return {
    async call(target, method, args, send) {
      const object = target === 'engine' ? engine : debug;
      const fn = (object as unknown as Record<string, unknown>)[method];
      if (typeof fn !== 'function') throw new Error(`The page's ${target} has no method ${method}.`);
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
    },
    // The engine's end ends its frame, its workers and any debug run with them.
    dispose() {
      offFiles();
      engine.dispose();
    },
  };
}
