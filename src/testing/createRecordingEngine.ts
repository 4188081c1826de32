import type { Breakpoint } from '../protocol/debug.ts';
import { vi } from 'vitest';
import type { Engine, EngineEvents } from '../engine/engine.ts';
import { DEFAULT_RUN_POLICY } from '../engine/defaultPolicy.ts';
import { runBatch, toBlocks } from '../runs/runBatch.ts';
import { DEFAULT_RUN_OPTIONS } from '../protocol/defaultRunOptions.ts';
import type { ExecutionResult, RunOptions } from '../protocol/results.ts';
import { makeResult } from './makeResult.ts';

/**
 * A ready engine for store tests: every run succeeds (or what `respond` says), emits `result`
 * like the real one (so the history records it), and is recorded in `ran` (code, file name and the files sent).
 */
export function createRecordingEngine(respond: (code: string) => ExecutionResult = () => makeResult()) {
  const listeners = new Map<keyof EngineEvents, Set<(...args: unknown[]) => void>>();
  const ran: Array<{ code: string; filename: string | undefined; files: RunOptions['files'] }> = [];
  const run = async (code: string, options: Partial<RunOptions> = {}) => {
    ran.push({ code, filename: options.filename, files: options.files });
    const result = respond(code);
    for (const l of listeners.get('result') ?? []) l({ code, options: { ...DEFAULT_RUN_OPTIONS, ...options }, result });
    return result;
  };
  const engine: Engine = {
    status: { state: 'ready', detail: 'Ready', progress: null },
    capabilities: { sharedMemory: true, reason: null },
    whenReady: () => Promise.resolve(),
    execute: vi.fn(run),
    debug: vi.fn(
      async (code: string, { breakpoints, test, ...options }: Partial<RunOptions> & { breakpoints: Breakpoint[]; test?: string }) =>
        run(code, { ...options, debug: { breakpoints, ...(test ? { test } : {}) } }),
    ),
    resumeDebug: vi.fn(() => true),
    inspectFrame: vi.fn(async () => ({ rows: [], total: 0, offset: 0 })),
    stop: vi.fn(),
    sendInput: vi.fn(),
    reset: vi.fn(async () => undefined),
    analyzeDependencies: vi.fn(async () => []),
    install: vi.fn(async (packages: string[]) => ({ installed: packages.map((name) => ({ name, version: '1.0' })), failed: [] })),
    setPypiIndex: vi.fn(),
    setSessionPackages: vi.fn(),
    declaredDependencies: vi.fn(async () => null),
    validateCode: vi.fn(async () => ({ diagnostics: [], imports: [] })),
    listVariables: vi.fn(async () => ({ rows: [], total: 0, offset: 0 })),
    language: vi.fn(async () => ({ ok: false as const, error: 'no language interpreter here' })),
    handleError: vi.fn(async () => null),
    runTests: vi.fn(async () => {
      throw new Error('not used in these tests');
    }),
    collectTests: vi.fn(async () => []),
    policy: DEFAULT_RUN_POLICY,
    setPolicy: vi.fn(),
    profileCode: vi.fn(async () => {
      throw new Error('not used in these tests');
    }),
    executeBatch: vi.fn(async (input, options = {}) =>
      runBatch(toBlocks(input), options, (block) => run(block.code, { ...options.runOptions, filename: block.name })),
    ),
    getLastExecutionMetrics: () => null,
    monitoring: { enableProfiling: true, collectMetrics: true },
    setMonitoring: vi.fn(),
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (...args: unknown[]) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (...args: unknown[]) => void);
    },
    dispose: () => undefined,
  };
  /** Says what the real engine would (a pause, a status) to the store's listeners. */
  const emit = <K extends keyof EngineEvents>(event: K, ...args: Parameters<EngineEvents[K]>): void => {
    for (const l of listeners.get(event) ?? []) l(...args);
  };
  return { engine, ran, emit };
}
