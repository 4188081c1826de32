import type { PageToFrame } from '../protocol/pageFrame.ts';
import type { TestRunOptions } from './engine.ts';
import {
  projectFilesSchema,
  MAX_TEST_WORKERS,
  isTestParallelism,
  type TestRecord,
  type TestRequest,
  type TestResult,
} from '../protocol/testProtocol.ts';
import type { Lock } from './createLock.ts';
import { expandTestResult, type CompactTestResult } from '../protocol/compactTestResult.ts';
import { DEFAULT_RUN_OPTIONS } from '../protocol/defaultRunOptions.ts';
import { DEFAULT_COVERAGE_THRESHOLD, DEFAULT_PYTEST_ARGS } from './testDefaults.ts';

/** What the engine lends the test client. */
export interface TestClientDeps {
  post(msg: PageToFrame): void;
  nextId(): number;
  lock: Lock;
  /** Marks the run Stop should stop (null when none). */
  setCurrent(id: number | null): void;
}

/** The engine's test runner half. */
export interface TestClient {
  runTests(options: TestRunOptions): Promise<TestResult>;
  collectTests(
    paths: string[] | undefined,
    options: Pick<TestRunOptions, 'files' | 'args' | 'timeoutMs' | 'policy' | 'packages' | 'pypiIndex'>,
  ): Promise<string[]>;
  /** Hands finished tests of a running run to its caller's `onRecords`. */
  progress(id: number, records: TestRecord[]): void;
  /** Hands a `tests-result` from the frame to its caller, expanded (or ends the wait saying why it does not hold together). */
  resolve(id: number, result: CompactTestResult): void;
  /** Ends the caller's wait for a `tests-result` the page could not accept, with `message` as the error. */
  refuse(id: number, message: string): void;
  /** Fails every pending test run with `message` (the frame was replaced). */
  refuseAll(message: string): void;
}

/** Checks the options; throws an Error that says what is wrong and what to do. */
function toRequest(mode: TestRequest['mode'], options: TestRunOptions): TestRequest {
  const files = projectFilesSchema.safeParse(options.files);
  if (!files.success) {
    throw new Error(
      `runTests needs the project's files as [{ path, content }] with relative paths (like "tests/test_calc.py"): ${files.error.issues[0]?.message ?? 'invalid'}`,
    );
  }
  const parallel = options.parallel ?? 'auto';
  if (!isTestParallelism(parallel)) {
    throw new Error(`parallel must be "auto" or a whole number from 1 to ${MAX_TEST_WORKERS} (got ${JSON.stringify(parallel)}).`);
  }
  return {
    mode,
    paths: options.paths ?? [],
    args: [...(options.args ?? DEFAULT_PYTEST_ARGS)],
    coverage: options.coverage ?? true,
    parallel,
    threshold: options.threshold ?? DEFAULT_COVERAGE_THRESHOLD,
    files: files.data,
    limits: {
      timeoutMs: options.timeoutMs ?? DEFAULT_RUN_OPTIONS.timeoutMs,
      maxMemoryMB: options.maxMemoryMB ?? DEFAULT_RUN_OPTIONS.maxMemoryMB,
      maxOutputChars: options.maxOutputChars ?? DEFAULT_RUN_OPTIONS.maxOutputChars,
    },
    ...(options.policy ? { policy: options.policy } : {}),
    ...(options.packages?.length ? { packages: [...options.packages], pypiIndex: options.pypiIndex ?? null } : {}),
  };
}

/** Runs and collects tests through the frame; test runs take the engine's run lock like any run. */
export function createTestClient(deps: TestClientDeps): TestClient {
  const pending = new Map<
    number,
    { resolve: (r: TestResult) => void; reject: (e: Error) => void; onRecords?: ((records: TestRecord[]) => void) | undefined }
  >();

  async function send(request: TestRequest, onRecords?: (records: TestRecord[]) => void): Promise<TestResult> {
    const release = await deps.lock.acquire();
    try {
      const id = deps.nextId();
      deps.setCurrent(id);
      const result = new Promise<TestResult>((resolve, reject) => pending.set(id, { resolve, reject, onRecords }));
      deps.post({ type: 'tests', id, request });
      return await result;
    } finally {
      deps.setCurrent(null);
      release();
    }
  }

  return {
    runTests: (options) => send(toRequest('run', options), options.onRecords),
    async collectTests(paths, options) {
      const result = await send(toRequest('collect', { ...options, paths: paths ?? [], coverage: false, parallel: 1 }));
      if (result.status !== 'passed' && result.collected.length === 0 && result.message) throw new Error(result.message);
      return result.collected;
    },
    progress(id, records) {
      try {
        pending.get(id)?.onRecords?.(records);
      } catch {
        // the caller's listener failed: the run and its result go on
      }
    },
    resolve(id, compact) {
      const waiting = pending.get(id);
      pending.delete(id);
      if (!waiting) return;
      try {
        waiting.resolve(expandTestResult(compact));
      } catch (err) {
        waiting.reject(new Error(`The test run's result could not be shown (${err instanceof Error ? err.message : String(err)}).`));
      }
    },
    refuse(id, message) {
      pending.get(id)?.reject(new Error(message));
      pending.delete(id);
    },
    refuseAll(message) {
      for (const p of pending.values()) p.reject(new Error(message));
      pending.clear();
    },
  };
}
