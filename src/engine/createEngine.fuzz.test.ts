import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEngine } from './createEngine.ts';
import { createFakeFrameHost } from '../testing/createFakeFrameHost.ts';
import { arbitraryFromZod } from '../testing/arbitraryFromZod.ts';
import { makeResult } from '../testing/makeResult.ts';
import { explainRefusal } from '../protocol/explainRefusal.ts';
import { frameToPageSchema, parseFrameMessage } from '../protocol/pageFrame.ts';
import { FUZZ } from '../protocol/fuzzSettings.ts';

/** What a hostile or broken frame could post: valid messages of every kind (with any ids), and anything at all. */
const frameNoise = fc.array(
  fc.oneof(
    arbitraryFromZod(frameToPageSchema).filter((m) => frameToPageSchema.safeParse(m).success),
    fc.anything({ maxDepth: 3, withNullPrototype: true, withTypedArray: true }),
    fc.record({ type: fc.constantFrom('result', 'output', 'call-result', 'debug-paused', 'state'), id: fc.anything() }),
  ),
  { maxLength: 12 },
);

afterEach(() => vi.useRealTimers());

describe('createEngine under generated frame messages', () => {
  it('never wedges the run queue: whatever the frame posted, during a run or between runs, the next run gets its result', async () => {
    await fc.assert(
      fc.asyncProperty(frameNoise, frameNoise, async (during, between) => {
        vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
        const frame = createFakeFrameHost();
        const engine = createEngine({ host: frame.host });
        // As createFrameHost does: what parses is handed on, the rest is refused with its reason.
        const post = (data: unknown) => {
          const msg = parseFrameMessage(data);
          if (!msg) frame.sendRefused(explainRefusal(data));
          // The boot's own messages (snapshots, assets) go to the boot, pages to the host's assembler: not the engine.
          else if (msg.type !== 'booted' && msg.type !== 'snapshot' && msg.type !== 'asset-request' && msg.type !== 'page') frame.send(msg);
        };
        try {
          frame.ready();
          const first = engine.execute('first').catch(() => null);
          await vi.advanceTimersByTimeAsync(0);
          for (const data of during) post(data);
          // Whatever happened to the first run, it settles (with its result, a refusal or a replacement).
          const firstRun = frame.postedOf('run').at(-1);
          if (firstRun) post({ type: 'result', id: firstRun.id, result: makeResult({ stdout: 'first' }) });
          await vi.advanceTimersByTimeAsync(120_000);
          await first;
          for (const data of between) post(data);
          frame.ready();
          const second = engine.execute('second');
          await vi.advanceTimersByTimeAsync(0);
          const run = frame.postedOf('run').at(-1);
          expect(run?.code).toBe('second');
          post({ type: 'output', id: run?.id, chunks: [{ stream: 'stdout', text: 'second' }] });
          post({ type: 'result', id: run?.id, result: makeResult() });
          await vi.advanceTimersByTimeAsync(0);
          expect((await second).stdout).toBe('second');
        } finally {
          engine.dispose();
          vi.useRealTimers();
        }
      }),
      { ...FUZZ, numRuns: Math.min(FUZZ.numRuns, 60) },
    );
  });
});
