import { describe, expect, it, vi } from 'vitest';
import { createRecordingEngine } from '../testing/createRecordingEngine.ts';
import { makeResult } from '../testing/makeResult.ts';
import type { PageProgress } from './pageProgress.ts';
import { createHeadlessSession } from './createHeadlessSession.ts';

describe('createHeadlessSession', () => {
  it("calls the engine's methods and answers with what runs wrote since the last call", async () => {
    const { engine, emit } = createRecordingEngine(() => makeResult({ stdout: '2\n' }));
    const session = createHeadlessSession(engine);
    emit('filesChanged', { written: [{ path: 'out.txt', bytes: new Uint8Array([120]) }], deleted: [], skipped: [] });
    const answer = await session.call('engine', 'execute', ['print(2)', { timeoutMs: 5000 }]);
    expect(engine.execute).toHaveBeenCalledWith('print(2)', { timeoutMs: 5000 });
    expect(answer.value).toMatchObject({ stdout: '2\n' });
    expect(answer.changes).toHaveLength(1);
    expect((await session.call('engine', 'execute', ['1'])).changes).toEqual([]);
  });

  it('refuses a method neither the engine nor its debugger has, naming it', async () => {
    const session = createHeadlessSession(createRecordingEngine().engine);
    await expect(session.call('engine', 'eval', [])).rejects.toThrow("The page's engine has no method eval.");
    await expect(session.call('debugger', 'jump', [])).rejects.toThrow("The page's debugger has no method jump.");
  });

  it('streams output while a call runs, batched, and all of it before the answer', async () => {
    vi.useFakeTimers();
    try {
      const { engine, emit } = createRecordingEngine();
      let finish: () => void = () => undefined;
      engine.execute = vi.fn(() => new Promise<ReturnType<typeof makeResult>>((resolve) => (finish = () => resolve(makeResult()))));
      const events: PageProgress[] = [];
      const session = createHeadlessSession(engine);
      const call = session.call('engine', 'execute', ['x'], (e) => events.push(e));
      emit('output', [{ stream: 'stdout', text: 'a\n' }], 1);
      emit('output', [{ stream: 'stdout', text: 'b\n' }], 1);
      await vi.advanceTimersByTimeAsync(100);
      expect(events).toEqual([
        {
          kind: 'output',
          chunks: [
            { stream: 'stdout', text: 'a\n' },
            { stream: 'stdout', text: 'b\n' },
          ],
        },
      ]);
      emit('output', [{ stream: 'stderr', text: 'c\n' }], 1);
      finish();
      await call;
      expect(events.at(-1)).toEqual({ kind: 'output', chunks: [{ stream: 'stderr', text: 'c\n' }] });
    } finally {
      vi.useRealTimers();
    }
  });

  it('dispose ends the engine', () => {
    const { engine } = createRecordingEngine();
    const dispose = vi.spyOn(engine, 'dispose');
    createHeadlessSession(engine).dispose();
    expect(dispose).toHaveBeenCalledOnce();
  });
});
