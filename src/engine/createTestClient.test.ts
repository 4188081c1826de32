import { compactTestResult } from '../protocol/compactTestResult.ts';
import { describe, expect, it } from 'vitest';
import { createTestClient } from './createTestClient.ts';
import { createLock } from './createLock.ts';
import type { PageToFrame } from '../protocol/pageFrame.ts';
import { makeTestRecord, makeTestResult } from '../testing/makeTestResult.ts';
import { MAX_TEST_WORKERS } from '../protocol/testProtocol.ts';

function setup() {
  const posted: PageToFrame[] = [];
  const current: Array<number | null> = [];
  let id = 10;
  const client = createTestClient({
    post: (m) => posted.push(m),
    nextId: () => id++,
    lock: createLock(),
    setCurrent: (c) => current.push(c),
  });
  const lastTests = () => {
    const msg = posted.filter((m): m is Extract<PageToFrame, { type: 'tests' }> => m.type === 'tests').at(-1);
    if (!msg) throw new Error('no tests message');
    return msg;
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { client, posted, current, lastTests, settle };
}

const FILES = [{ path: 'test_a.py', content: 'def test_a():\n    assert True\n' }];

describe('createTestClient', () => {
  it("sends a run with the seed's defaults, hands streamed records to onRecords, and resolves with the result", async () => {
    const { client, lastTests, current, settle } = setup();
    const seen: string[] = [];
    const pending = client.runTests({ files: FILES, parallel: 1, onRecords: (r) => seen.push(...r.map((x) => x.nodeId)) });
    await settle();
    const msg = lastTests();
    expect(msg.request).toMatchObject({ mode: 'run', args: ['-v', '--tb=short'], coverage: true, threshold: 80, parallel: 1, paths: [] });
    expect(msg.request.limits).toEqual({ timeoutMs: 30_000, maxMemoryMB: 512, maxOutputChars: 10_000 });
    client.progress(msg.id, [makeTestRecord({ nodeId: 'test_a.py::test_a' })]);
    client.progress(999, [makeTestRecord({ nodeId: 'other' })]);
    const result = makeTestResult({ records: [makeTestRecord({ nodeId: 'test_a.py::test_a' })] });
    client.resolve(msg.id, compactTestResult(result));
    await expect(pending).resolves.toEqual(result);
    expect(seen).toEqual(['test_a.py::test_a']);
    expect(current).toEqual([msg.id, null]);
  });

  it('a listener that throws does not end the run', async () => {
    const { client, lastTests, settle } = setup();
    const pending = client.runTests({
      files: FILES,
      parallel: 1,
      onRecords: () => {
        throw new Error('listener broke');
      },
    });
    await settle();
    client.progress(lastTests().id, [makeTestRecord()]);
    client.resolve(lastTests().id, compactTestResult(makeTestResult()));
    await expect(pending).resolves.toBeTruthy();
  });

  it('refuses bad options at once with a message that says what to pass', () => {
    const { client, posted } = setup();
    expect(() => client.runTests({ files: [{ path: '/etc/passwd', content: '' }] })).toThrow('relative paths');
    expect(() => client.runTests({ files: FILES, parallel: 0 })).toThrow(`from 1 to ${MAX_TEST_WORKERS}`);
    expect(() => client.runTests({ files: FILES, parallel: 1.5 })).toThrow('whole number');
    // @ts-expect-error a caller without types (the console, another agent) may pass any string
    expect(() => client.runTests({ files: FILES, parallel: 'many' })).toThrow('"auto" or a whole number');
    expect(posted).toEqual([]);
  });

  it('leaves the number of interpreters to the frame ("auto") unless asked for one', async () => {
    const auto = setup();
    void auto.client.runTests({ files: FILES });
    await auto.settle();
    expect(auto.lastTests().request.parallel).toBe('auto');
    const three = setup();
    void three.client.runTests({ files: FILES, parallel: 3 });
    await three.settle();
    expect(three.lastTests().request.parallel).toBe(3);
  });

  it('collects node ids, and turns a collection that found nothing and says why into an error', async () => {
    const { client, lastTests, settle } = setup();
    const ids = client.collectTests(['test_a.py'], { files: FILES });
    await settle();
    expect(lastTests().request).toMatchObject({ mode: 'collect', paths: ['test_a.py'], coverage: false, parallel: 1 });
    client.resolve(lastTests().id, compactTestResult(makeTestResult({ collected: ['test_a.py::test_a'] })));
    await expect(ids).resolves.toEqual(['test_a.py::test_a']);
    const broken = client.collectTests(undefined, { files: FILES });
    await settle();
    client.resolve(
      lastTests().id,
      compactTestResult(makeTestResult({ status: 'error', collected: [], message: 'SyntaxError in test_a.py' })),
    );
    await expect(broken).rejects.toThrow('SyntaxError in test_a.py');
  });

  it('a refused result, and a replaced frame, end the waits with the reason', async () => {
    const { client, lastTests, settle } = setup();
    const one = client.runTests({ files: FILES, parallel: 1 });
    await settle();
    client.refuse(lastTests().id, 'too large');
    await expect(one).rejects.toThrow('too large');
    const two = client.runTests({ files: FILES, parallel: 1 });
    await settle();
    client.refuseAll('Python was restarted');
    await expect(two).rejects.toThrow('Python was restarted');
  });
});
