import { describe, expect, it, vi } from 'vitest';
import { createFakeClock } from '../testing/createFakeClock.ts';
import { createHistoryBatcher, HISTORY_BATCH_MS } from './createHistoryBatcher.ts';
import { createMemoryHistoryStorage, type HistoryEntry } from './historyStorage.ts';

const entry = (code: string): Omit<HistoryEntry, 'id'> => ({
  session: 's',
  at: 1,
  source: 'main.py',
  kind: 'run',
  code,
  status: 'ok',
  metrics: null,
  output: '',
});

function setup() {
  const clock = createFakeClock();
  const storage = createMemoryHistoryStorage();
  const addMany = vi.spyOn(storage, 'addMany');
  const saved: string[][] = [];
  const batcher = createHistoryBatcher({
    storage,
    ...clock,
    onSaved: (entries) => saved.push(entries.map((e) => e.code)),
    onFailed: (err) => {
      throw err;
    },
  });
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { clock, batcher, addMany, saved, settle };
}

describe('createHistoryBatcher', () => {
  it('writes a lone run in the next task, and runs in quick succession together, at most one write per window', async () => {
    const { clock, batcher, addMany, saved, settle } = setup();
    batcher.push(entry('first'), 10);
    expect(addMany).not.toHaveBeenCalled(); // never on the way to the run's result
    clock.advance(0);
    await settle();
    expect(saved).toEqual([['first']]);
    batcher.push(entry('second'), 10);
    batcher.push(entry('third'), 10);
    clock.advance(HISTORY_BATCH_MS - 1);
    await settle();
    expect(saved).toHaveLength(1);
    clock.advance(1);
    await settle();
    expect(saved).toEqual([['first'], ['second', 'third']]);
    expect(addMany).toHaveBeenCalledTimes(2);
  });

  it('flush writes what waits now; drop forgets a session’s waiting runs', async () => {
    const { batcher, saved } = setup();
    batcher.push(entry('kept'), 10);
    batcher.push({ ...entry('dropped'), session: 'other' }, 10);
    batcher.drop('other');
    await batcher.flush();
    expect(saved).toEqual([['kept']]);
    await batcher.flush();
    expect(saved).toHaveLength(1);
  });
});
