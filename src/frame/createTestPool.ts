import { transferOf } from '../protocol/transferOf.ts';
import type { PageToFrame } from '../protocol/pageFrame.ts';
import type { WorkerToFrame } from '../protocol/frameWorker.ts';
import type { TestRecord, TestRequest, WorkerTestRequest, WorkerTestsDone } from '../protocol/testProtocol.ts';
import { DEFAULT_GRACE_MS } from '../protocol/runAllowances.ts';
import type { FrameDeps } from './frameDeps.ts';
import { interruptThenKill } from './interruptThenKill.ts';
import type { WorkerHandle } from './createWorkerHandle.ts';
import { createWorkerSlot, type WorkerSlot } from './createWorkerSlot.ts';
import { fitTestResult } from './fitTestResult.ts';
import { mergeTestResults, type TestPart } from './mergeTestResults.ts';
import { chooseInterpreters } from './chooseInterpreters.ts';
import { shareTests } from './shareTests.ts';
import { fileDurationsOf } from './splitTests.ts';

/** Handles the page's test commands for the frame. */
export interface TestPool {
  handle(msg: Extract<PageToFrame, { type: 'tests' }>): void;
  /** Stops the test run with this id (ignored for other ids). */
  stop(id: number): void;
}

/** One of the pool's interpreters, and the job it is doing. */
interface Slot {
  worker: WorkerSlot;
  job: Job | null;
}

interface Job {
  part: TestPart;
  current: string | null;
  onBegin: () => void;
  resolve: (done: WorkerTestsDone | null) => void;
}

interface Run {
  id: number;
  request: TestRequest;
  startedAt: number;
  reason: 'timeout' | 'stopped' | 'crashed' | null;
  message: string | null;
  timers: unknown[];
  timing: boolean;
  jobs: Array<{ slot: Slot; job: Job }>;
  /** Finished tests not yet sent to the page, and the timer that will send them. */
  unsent: TestRecord[];
  sendTimer: unknown;
}

/** How often finished tests go to the page while a run goes on: live, without a message per test. */
export const RECORDS_INTERVAL_MS = 150;

/**
 * Owns the interpreters that run tests (separate from the one that runs the
 * editor's code, kept between test runs). A run may be split across several of
 * them; the run's time limit covers it all: a soft interrupt first, then a hard
 * kill of every interpreter still busy. The test each one was running is named.
 */
export function createTestPool(deps: FrameDeps): TestPool {
  const graceMs = deps.graceMs ?? DEFAULT_GRACE_MS;
  const slots: Slot[] = [];
  let run: Run | null = null;
  let nextJobId = 1;
  // Each test file's time in the last run that ran it: the next split across interpreters balances by it.
  const fileDurations = new Map<string, number>();

  const listener = (handle: WorkerHandle, msg: WorkerToFrame): void => {
    const slot = slots.find((s) => s.worker.holds(handle));
    if (!slot) return;
    const job = slot.job;
    switch (msg.type) {
      case 'output':
        if (job && run) deps.send({ type: 'output', id: run.id, chunks: msg.chunks });
        return;
      case 'notice':
        deps.send({ type: 'notice', level: msg.level, text: msg.text });
        return;
      case 'files-changed':
        deps.send({ type: 'files-changed', changes: msg.changes }, transferOf(msg.changes));
        return;
      case 'download':
        deps.send({ type: 'download', tick: msg.tick });
        return;
      case 'tests-begin':
        job?.onBegin();
        return;
      case 'test-start':
        if (job) job.current = msg.nodeId;
        return;
      case 'test-records':
        if (!job) return;
        for (const record of msg.records) {
          job.part.records.push(record);
          // A batch may come after the next test's start: only the test that ended stops being the current one.
          if (record.nodeId === job.current && !record.message?.startsWith('Stopped')) job.current = null;
          if (run) queueRecord(run, record);
        }
        return;
      case 'tests-done':
        slot.job = null;
        job?.resolve(msg.done);
        return;
      case 'boot-failed':
      case 'fatal':
        drop(
          slot,
          msg.type === 'fatal' ? `The test interpreter crashed (${msg.message}).` : `Python could not start for the tests: ${msg.message}`,
        );
        return;
      default:
        return;
    }
  };

  /** "auto": from the cores and the time the project's test files took in the last run that ran them. */
  function autoCount(files: readonly { path: string }[]): number {
    const known = files.filter((f) => fileDurations.has(f.path));
    const lastRunMs = known.length ? known.reduce((sum, f) => sum + (fileDurations.get(f.path) ?? 0), 0) : null;
    const cores = deps.cores ?? (typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency);
    return chooseInterpreters({ cores, lastRunMs, files: known.length });
  }

  function queueRecord(r: Run, record: TestRecord): void {
    r.unsent.push(record);
    r.sendTimer ??= deps.setTimer(() => sendRecords(r), RECORDS_INTERVAL_MS);
  }

  function sendRecords(r: Run): void {
    if (r.sendTimer !== null) deps.clearTimer(r.sendTimer);
    r.sendTimer = null;
    while (r.unsent.length > 0) deps.send({ type: 'test-records', id: r.id, records: r.unsent.splice(0, 5000) });
  }

  function drop(slot: Slot, message: string): void {
    slot.worker.empty();
    const job = slot.job;
    slot.job = null;
    if (job && run) {
      run.reason ??= 'crashed';
      run.message ??= message;
      job.resolve(null);
    }
  }

  async function slot(i: number): Promise<Slot> {
    const s = (slots[i] ??= { worker: createWorkerSlot(deps.spawn, listener), job: null });
    await s.worker.fill().ready;
    return s;
  }

  function startJob(r: Run, s: Slot, request: WorkerTestRequest): Promise<WorkerTestsDone | null> {
    if (r.reason) return Promise.resolve(null);
    return new Promise((resolve) => {
      const job: Job = {
        part: { records: [], done: null },
        current: null,
        onBegin: () => startClock(r),
        resolve: (done) => {
          job.part.done = done;
          resolve(done);
        },
      };
      s.job = job;
      r.jobs.push({ slot: s, job });
      s.worker.fill().tests(nextJobId++, request);
    });
  }

  /** Loads the test packages in one interpreter; untimed, like booting it. */
  function prepare(r: Run, s: Slot, request: WorkerTestRequest): Promise<WorkerTestsDone | null> {
    if (r.reason) return Promise.resolve(null);
    return new Promise((resolve) => {
      s.job = { part: { records: [], done: null }, current: null, onBegin: () => undefined, resolve };
      s.worker.fill().tests(nextJobId++, request);
    });
  }

  function startClock(r: Run): void {
    if (r.timing) return;
    r.timing = true;
    r.startedAt = deps.now();
    r.timers.push(deps.setTimer(() => interrupt(r, 'timeout'), r.request.limits.timeoutMs));
  }

  function interrupt(r: Run, reason: 'timeout' | 'stopped'): void {
    if (run !== r || r.reason) return;
    r.reason = reason;
    const busy = (): Array<{ slot: Slot; job: Job }> => r.jobs.filter(({ slot: s, job }) => s.job === job);
    interruptThenKill((fn, ms) => r.timers.push(deps.setTimer(fn, ms)), graceMs, {
      interrupt: () => busy().forEach(({ slot: s }) => s.worker.handle?.interrupt()),
      stillBusy: () => run === r && busy().length > 0,
      kill: () => {
        for (const { slot: s, job } of busy()) {
          s.job = null;
          s.worker.empty();
          job.resolve(null);
        }
      },
    });
  }

  async function execute(r: Run): Promise<void> {
    const { request } = r;
    const base = {
      coverage: request.coverage,
      files: request.files,
      limits: request.limits,
      policy: request.policy,
      packages: request.packages,
      pypiIndex: request.pypiIndex,
    };
    const parts: TestPart[] = [];
    let collected: string[] = [];
    try {
      const n = request.mode === 'collect' ? 1 : request.parallel === 'auto' ? autoCount(request.files) : request.parallel;
      // Interpreters boot and load pytest before the time limit starts, all at once.
      const ready = await Promise.all(Array.from({ length: n }, (_, i) => slot(i)));
      await Promise.all(ready.map((s) => prepare(r, s, { ...base, mode: 'prepare', args: [] })));
      const first = ready[0] as Slot;
      if (n === 1) {
        const args = [...request.args, ...request.paths];
        const done = await startJob(r, first, { ...base, mode: request.mode, args });
        parts.push(r.jobs[0]?.job.part ?? { records: [], done });
        collected = done?.collected ?? [];
      } else {
        const found = await startJob(r, first, { ...base, mode: 'collect', coverage: false, args: [...request.args, ...request.paths] });
        collected = found?.collected ?? [];
        const groups = r.reason || !found ? [] : shareTests(found, request.args, n, fileDurations);
        // Collection's own outcomes (module skips, collection errors, deselected) come from this interpreter.
        if (found) parts.push({ ...(r.jobs[0]?.job.part ?? { records: [], done: found }), role: 'collect' });
        const shares = await Promise.all(groups.map((_, i) => slot(i)));
        const limits = { ...request.limits, maxOutputChars: Math.max(1, Math.floor(request.limits.maxOutputChars / groups.length)) };
        const jobs = groups.map((ids, i) =>
          startJob(r, shares[i] as Slot, { ...base, limits, mode: 'run', args: [...request.args, ...ids] }),
        );
        await Promise.all(jobs);
        parts.push(...r.jobs.slice(1).map((j): TestPart => ({ ...j.job.part, role: 'share' })));
      }
    } catch (err) {
      r.message ??= err instanceof Error ? `Python could not start for the tests: ${err.message}` : String(err);
      r.reason ??= 'crashed';
    }
    finish(r, parts, collected);
  }

  function finish(r: Run, parts: TestPart[], collected: string[]): void {
    for (const t of r.timers) deps.clearTimer(t);
    sendRecords(r);
    const running = r.jobs.map((j) => j.job.current).filter((c): c is string => c !== null);
    const result = mergeTestResults(parts, {
      reason: r.reason,
      running,
      collectOnly: r.request.mode === 'collect',
      message: r.message,
      collected,
      threshold: r.request.threshold,
      wallMs: r.timing ? deps.now() - r.startedAt : 0,
      timeoutMs: r.request.limits.timeoutMs,
    });
    run = null;
    // Only tests that ran to their end say how long their file takes (a stopped run's last one would mislead).
    if (!r.reason) for (const [file, ms] of fileDurationsOf(result.records)) fileDurations.set(file, ms);
    deps.send({ type: 'tests-result', id: r.id, result: fitTestResult(result) });
  }

  return {
    handle(msg) {
      if (run) {
        const busy = mergeTestResults([], {
          reason: null,
          running: [],
          message: 'Tests are already running; stop them first.',
          collected: [],
          threshold: msg.request.threshold,
          wallMs: 0,
          timeoutMs: 0,
        });
        deps.send({ type: 'tests-result', id: msg.id, result: fitTestResult({ ...busy, status: 'error' }) });
        return;
      }
      run = {
        id: msg.id,
        request: msg.request,
        startedAt: deps.now(),
        reason: null,
        message: null,
        timers: [],
        timing: false,
        jobs: [],
        unsent: [],
        sendTimer: null,
      };
      void execute(run);
    },
    stop(id) {
      if (run && run.id === id) interrupt(run, 'stopped');
    },
  };
}
