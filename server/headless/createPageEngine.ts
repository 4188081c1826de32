import type { Engine } from '../../src/engine/engine.ts';
import type { TestRunOptions } from '../../src/engine/engine.ts';
import type { DebugDriver } from '../../src/engine/debugDriver.ts';
import { EngineLostError } from './EngineLostError.ts';
import type { EnginePageLink } from './createEnginePage.ts';
import { decodePageAnswer } from '../../src/headless/pageAnswerCodec.ts';
import type { PageCallTarget, PageProgress } from '../../src/headless/pageProgress.ts';
import type { FileChanges } from '../../src/protocol/testProtocol.ts';

/** The engine methods a headless session offers: the page's own, called over the DevTools protocol. */
export type RemoteMethod =
  'execute' | 'runTests' | 'validateCode' | 'analyzeDependencies' | 'install' | 'profileCode' | 'handleError' | 'reset' | 'setPolicy';

/** The page's engine seen from Node: the same methods and results (runTests without `onRecords`). */
export type PageEngine = {
  [K in Exclude<RemoteMethod, 'runTests'>]: (...args: Parameters<Engine[K]>) => Promise<Awaited<ReturnType<Engine[K]>>>;
} & {
  runTests(options: Omit<TestRunOptions, 'onRecords'>): ReturnType<Engine['runTests']>;
  /** Waits until Python is ready (or throws what went wrong). */
  whenReady(): Promise<void>;
  /**
   * Calls `listener` with each change set of the working folder (what runs wrote), before the call that made
   * it resolves. Returns the function that stops it.
   */
  onFilesChanged(listener: (changes: FileChanges) => void): () => void;
  /**
   * While `listener` is registered, calls stream: the program's output (batched every 100 ms) and each batch of
   * finished tests reach it as they come, before the call resolves. Returns the function that stops it.
   */
  onProgress(listener: (event: PageProgress) => void): () => void;
  /** The page's step debugger (see src/engine/createDebugDriver.ts), one call at a time. */
  readonly debugger: DebugDriver;
  /** Why this engine is gone, or null while it works. */
  readonly lost: string | null;
  close(): Promise<void>;
};

/** The debugger's methods, called on the session's debug driver in the page. */
type DebugMethod = 'start' | 'step' | 'evaluate' | 'stop';

/** The longest a call may take past its own time limit before the session counts as wedged and is closed. */
const SLACK_MS = 60_000;

function deadlineFor(method: RemoteMethod, args: readonly unknown[]): number {
  const options = (method === 'runTests' ? args[0] : args[1]) as { timeoutMs?: number } | undefined;
  if (method === 'install') return 15 * 60_000;
  return (options?.timeoutMs ?? 30_000) * (method === 'runTests' ? 4 : 1) + SLACK_MS;
}

/** How long closing a session may take before the page counts as wedged and is closed with every session in it. */
const CLOSE_MS = 5_000;

/**
 * Drives session `id` of a loaded engine.html page (see src/headless/engineMain.ts), which it opens. The engine
 * enforces the run's limits itself; this adds only a last-resort deadline (the session is closed when even the
 * engine stops answering, and the page with it if the page does not answer either) and turns a crashed page or
 * browser into an {@link EngineLostError}.
 */
export async function createPageEngine(link: EnginePageLink, id: string): Promise<PageEngine> {
  const { page } = link;
  let lost: string | null = null;
  const fileListeners = new Set<(changes: FileChanges) => void>();
  const progressListeners = new Set<(event: PageProgress) => void>();
  const offProgress = link.onProgress(id, (event) => {
    for (const listener of [...progressListeners]) listener(event);
  });
  let onLost: ((reason: string) => void) | null = null;
  const whenLost = new Promise<never>((_, reject) => {
    onLost = (reason) => reject(new EngineLostError(reason));
  });
  whenLost.catch(() => undefined);
  let offPage = (): void => undefined;
  const lose = (reason: string) => {
    if (lost) return;
    lost = reason;
    offPage();
    offProgress();
    onLost?.(reason);
  };
  offPage = link.onLost(lose);
  // Ends the session in the page; a page that cannot even do that within CLOSE_MS is closed.
  const closeInPage = async () => {
    if (link.lost) return;
    let timer: NodeJS.Timeout | undefined;
    const wedged = new Promise<'wedged'>((resolve) => (timer = setTimeout(() => resolve('wedged'), CLOSE_MS)));
    const closed = page.evaluate((session) => window.executorClose?.(session), id).catch(() => undefined);
    if ((await Promise.race([closed, wedged])) === 'wedged') await page.close().catch(() => undefined);
    clearTimeout(timer);
  };

  async function call<T>(
    method: RemoteMethod | 'whenReady' | DebugMethod,
    args: unknown[],
    deadlineMs: number,
    target: PageCallTarget = 'engine',
  ): Promise<T> {
    if (lost) throw new EngineLostError(lost);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const reason = `The session's interpreter did not answer within ${Math.round(deadlineMs / 1000)} s, so it was closed.`;
        lose(reason);
        void closeInPage();
        reject(new EngineLostError(reason));
      }, deadlineMs);
    });
    const stream = progressListeners.size > 0;
    const work = page
      .evaluate(
        async ({ id, method, args, target, stream }) => {
          if (!window.executorCall) throw new Error('This page has no engine (window.executorCall).');
          return window.executorCall(id, target, method, args, stream);
        },
        { id, method, args, target, stream },
      )
      .then(decodePageAnswer);
    try {
      const answer = await Promise.race([work, deadline, whenLost]);
      const value = answer.value as T;
      const changes = answer.changes;
      for (const c of changes) for (const listener of [...fileListeners]) listener(c);
      return value;
    } catch (err) {
      if (!lost && page.isClosed()) await new Promise((r) => setTimeout(r, 300));
      if (lost) throw new EngineLostError(lost, { cause: err });
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  await page.evaluate((session) => window.executorOpen?.(session), id);
  const remote =
    (method: RemoteMethod) =>
    (...args: unknown[]) =>
      call(method, args, deadlineFor(method, args));
  // The debugger's state as its answers left it: a pause the page stopped for idleness still reads as active
  // here until the next call, which then reports it.
  let debugActive = false;
  let debugDeadline = SLACK_MS + 30_000;
  const debugCall = async <T>(method: DebugMethod, args: unknown[], deadlineMs: number): Promise<T> => {
    try {
      const value = await call<T>(method, args, deadlineMs, 'debugger');
      const state = (value as { state?: string } | null)?.state;
      if (method !== 'evaluate') debugActive = state === 'paused';
      return value;
    } catch (err) {
      if (method !== 'evaluate') debugActive = false;
      throw err;
    }
  };
  const stepper: DebugDriver = {
    get active() {
      return debugActive;
    },
    start(code, options) {
      debugDeadline = (options.timeoutMs ?? 30_000) + SLACK_MS;
      return debugCall('start', [code, options], debugDeadline);
    },
    step: (action) => debugCall('step', [action], debugDeadline),
    evaluate: (expression, frame) => debugCall('evaluate', [expression, frame], SLACK_MS),
    stop: () => debugCall('stop', [], SLACK_MS),
  };
  return {
    debugger: stepper,
    execute: remote('execute') as PageEngine['execute'],
    runTests: remote('runTests') as PageEngine['runTests'],
    validateCode: remote('validateCode') as PageEngine['validateCode'],
    analyzeDependencies: remote('analyzeDependencies') as PageEngine['analyzeDependencies'],
    install: remote('install') as PageEngine['install'],
    profileCode: remote('profileCode') as PageEngine['profileCode'],
    handleError: remote('handleError') as PageEngine['handleError'],
    reset: remote('reset') as PageEngine['reset'],
    setPolicy: remote('setPolicy') as PageEngine['setPolicy'],
    whenReady: () => call<void>('whenReady', [], 150_000),
    onFilesChanged(listener) {
      fileListeners.add(listener);
      return () => fileListeners.delete(listener);
    },
    onProgress(listener) {
      progressListeners.add(listener);
      return () => progressListeners.delete(listener);
    },
    get lost() {
      return lost;
    },
    async close() {
      if (lost) return;
      lose('The session was closed.');
      await closeInPage();
    },
  };
}
