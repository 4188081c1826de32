import { describe, expect, it } from 'vitest';
import type { FrameToPage } from '../protocol/pageFrame.ts';
import type { WorkerToFrame } from '../protocol/frameWorker.ts';
import type { TestParallelism, TestRequest, WorkerTestRequest, WorkerTestsDone } from '../protocol/testProtocol.ts';
import { makeTestRecord } from '../testing/makeTestResult.ts';
import { createFakeClock } from '../testing/createFakeClock.ts';
import type { WorkerHandle } from './createWorkerHandle.ts';
import { createTestPool, RECORDS_INTERVAL_MS } from './createTestPool.ts';

type Listener = (handle: WorkerHandle, msg: WorkerToFrame) => void;

interface FakeTestWorker {
  handle: WorkerHandle;
  jobs: Array<{ id: number; request: WorkerTestRequest }>;
  say(msg: WorkerToFrame): void;
}

const done = (partial: Partial<WorkerTestsDone> = {}): WorkerTestsDone => ({
  exitCode: 0,
  counts: {},
  collectCounts: {},
  collected: [],
  durationMs: 5,
  coverage: null,
  problem: null,
  memory: false,
  outputTruncated: false,
  ...partial,
});

const request = (
  parallel: TestParallelism,
  files: TestRequest['files'] = [{ path: 'test_a.py', content: 'def test_a(): pass\n' }],
): TestRequest => ({
  mode: 'run',
  paths: [],
  args: [],
  coverage: false,
  parallel,
  threshold: 80,
  files,
  limits: { timeoutMs: 60_000, maxMemoryMB: 512, maxOutputChars: 10_000 },
});

/** A test pool over fake workers that answer `prepare` at once; the test plays the rest. */
function setup(cores = 2) {
  const clock = createFakeClock();
  const workers: FakeTestWorker[] = [];
  const sent: FrameToPage[] = [];
  const pool = createTestPool({
    spawn(listener: Listener) {
      const w: FakeTestWorker = {
        jobs: [],
        say: (msg) => listener(w.handle, msg),
        handle: {
          ready: Promise.resolve(),
          url: 'blob:fake',
          canInterrupt: true,
          run: () => undefined,
          call: () => undefined,
          language: () => undefined,
          tests: (id, req) => {
            if (req.mode === 'prepare') queueMicrotask(() => w.say({ type: 'tests-done', id, done: done() }));
            else w.jobs.push({ id, request: req });
          },
          interrupt: () => undefined,
          writeStdin: () => undefined,
          debug: () => true,
          expireDebugGuard: () => false,
          terminate: () => undefined,
        },
      };
      workers.push(w);
      return w.handle;
    },
    send: (m) => sent.push(m),
    now: clock.now,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
    cores,
  });
  const advance = clock.advance;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { pool, workers, sent, advance, settle };
}

describe('createTestPool', () => {
  it('sends finished tests to the page in batches while the run goes on, and all of them before the result', async () => {
    const { pool, workers, sent, advance, settle } = setup();
    pool.handle({ type: 'tests', id: 7, request: request(1) });
    await settle();
    const job = workers[0]?.jobs[0];
    if (!job) throw new Error('no job started');
    workers[0]?.say({ type: 'tests-begin', id: job.id });
    workers[0]?.say({
      type: 'test-records',
      id: job.id,
      records: [makeTestRecord({ nodeId: 'test_a.py::test_1' }), makeTestRecord({ nodeId: 'test_a.py::test_2' })],
    });
    expect(sent.filter((m) => m.type === 'test-records')).toEqual([]);
    advance(RECORDS_INTERVAL_MS);
    const first = sent.filter((m) => m.type === 'test-records');
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ id: 7, records: [{ nodeId: 'test_a.py::test_1' }, { nodeId: 'test_a.py::test_2' }] });
    workers[0]?.say({ type: 'test-records', id: job.id, records: [makeTestRecord({ nodeId: 'test_a.py::test_3' })] });
    workers[0]?.say({
      type: 'tests-done',
      id: job.id,
      done: done({ counts: { passed: 3 }, collected: ['test_a.py::test_1', 'test_a.py::test_2', 'test_a.py::test_3'] }),
    });
    await settle();
    const types = sent.map((m) => m.type).filter((t) => t === 'test-records' || t === 'tests-result');
    expect(types).toEqual(['test-records', 'test-records', 'tests-result']);
    const result = sent.find((m) => m.type === 'tests-result');
    expect(result?.type === 'tests-result' && result.result.summary).toMatch(/^3 passed in \d+\.\d\ds$/);
  });

  it('runs no share after a collection error, as pytest runs nothing then', async () => {
    const { pool, workers, sent, settle } = setup();
    pool.handle({ type: 'tests', id: 8, request: request(2) });
    await settle();
    const collect = workers[0]?.jobs[0];
    expect(collect?.request.mode).toBe('collect');
    workers[0]?.say({
      type: 'tests-done',
      id: collect?.id ?? 0,
      done: done({
        exitCode: 2,
        counts: { error: 1, skipped: 1 },
        collectCounts: { error: 1, skipped: 1 },
        collected: ['test_a.py::test_a'],
      }),
    });
    await settle();
    expect(workers.flatMap((w) => w.jobs).filter((j) => j.request.mode === 'run')).toEqual([]);
    const result = sent.find((m) => m.type === 'tests-result');
    expect(result?.type === 'tests-result' && result.result).toMatchObject({ exitCode: 2, skipped: 1, errors: 1, status: 'error' });
  });

  it("splits the next parallel run by each file's time in the last one", async () => {
    const { pool, workers, sent, settle } = setup();
    const ids = ['a.py::1', 'a.py::2', 'a.py::3', 'b.py::1', 'b.py::2', 'b.py::3', 'c.py::slow', 'd.py::1'];
    pool.handle({ type: 'tests', id: 1, request: request(1) });
    await settle();
    const serial = workers[0]?.jobs[0];
    if (!serial) throw new Error('no job started');
    const ms = (id: string) => (id === 'c.py::slow' ? 900 : id.startsWith('d.py') ? 100 : 100 / 3);
    workers[0]?.say({
      type: 'test-records',
      id: serial.id,
      records: ids.map((nodeId) => makeTestRecord({ nodeId, durationMs: ms(nodeId) })),
    });
    workers[0]?.say({ type: 'tests-done', id: serial.id, done: done({ counts: { passed: ids.length }, collected: ids }) });
    await settle();
    expect(sent.some((m) => m.type === 'tests-result')).toBe(true);

    pool.handle({ type: 'tests', id: 2, request: request(2) });
    await settle();
    const collect = workers[0]?.jobs.at(-1);
    expect(collect?.request.mode).toBe('collect');
    workers[0]?.say({ type: 'tests-done', id: collect?.id ?? 0, done: done({ collected: ids }) });
    await settle();
    const shares = workers.flatMap((w) => w.jobs).filter((j) => j.request.mode === 'run' && j.id !== serial.id);
    // By counts it would be a.py + c.py against b.py + d.py; by time, the slow file alone.
    expect(shares.map((j) => j.request.args.filter((a) => a.includes('::')))).toEqual([
      ['c.py::slow'],
      ['a.py::1', 'a.py::2', 'a.py::3', 'b.py::1', 'b.py::2', 'b.py::3', 'd.py::1'],
    ]);
  });

  it('"auto" runs a first suite on one interpreter, then splits a long one across the cores but one', async () => {
    const { pool, workers, settle } = setup(8);
    const files = ['a.py', 'b.py', 'c.py', 'd.py', 'e.py'].map((path) => ({ path, content: 'def test(): pass\n' }));
    const ids = files.map((f) => `${f.path}::test`);
    pool.handle({ type: 'tests', id: 1, request: request('auto', files) });
    await settle();
    const first = workers[0]?.jobs[0];
    expect(workers).toHaveLength(1);
    expect(first?.request.mode).toBe('run');
    // 40 s in all: worth four interpreters by its time (10 s each), within 8 cores but one and five files.
    workers[0]?.say({
      type: 'test-records',
      id: first?.id ?? 0,
      records: ids.map((nodeId) => makeTestRecord({ nodeId, durationMs: 8_000 })),
    });
    workers[0]?.say({ type: 'tests-done', id: first?.id ?? 0, done: done({ counts: { passed: ids.length }, collected: ids }) });
    await settle();

    pool.handle({ type: 'tests', id: 2, request: request('auto', files) });
    await settle();
    const collect = workers[0]?.jobs.at(-1);
    expect(collect?.request.mode).toBe('collect');
    workers[0]?.say({ type: 'tests-done', id: collect?.id ?? 0, done: done({ collected: ids }) });
    await settle();
    expect(workers).toHaveLength(4);
    const shares = workers.flatMap((w) => w.jobs).filter((j) => j.request.mode === 'run' && j.id !== first?.id);
    expect(shares).toHaveLength(4);
  });

  it('"auto" stays on one interpreter on a 2-core machine, however long the suite took', async () => {
    const { pool, workers, settle } = setup(2);
    const files = ['a.py', 'b.py'].map((path) => ({ path, content: 'def test(): pass\n' }));
    const ids = files.map((f) => `${f.path}::test`);
    for (const id of [1, 2]) {
      pool.handle({ type: 'tests', id, request: request('auto', files) });
      await settle();
      const job = workers[0]?.jobs.at(-1);
      expect(job?.request.mode).toBe('run');
      workers[0]?.say({
        type: 'test-records',
        id: job?.id ?? 0,
        records: ids.map((nodeId) => makeTestRecord({ nodeId, durationMs: 60_000 })),
      });
      workers[0]?.say({ type: 'tests-done', id: job?.id ?? 0, done: done({ counts: { passed: 2 }, collected: ids }) });
      await settle();
    }
    expect(workers).toHaveLength(1);
  });
});
