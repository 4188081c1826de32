import { describe, expect, it } from 'vitest';
import { makeTestRecord } from '../testing/makeTestResult.ts';
import type { TestRecord } from '../protocol/testProtocol.ts';
import { createRecordBatcher, RECORD_BATCH_MS, RECORD_BATCH_SIZE } from './createRecordBatcher.ts';

function setup() {
  let clock = 0;
  const batches: string[][] = [];
  const batcher = createRecordBatcher(
    (records: TestRecord[]) => batches.push(records.map((r) => r.nodeId)),
    () => clock,
  );
  const add = (id: string) => batcher.add(makeTestRecord({ nodeId: id }));
  return { batcher, batches, add, tick: (ms: number) => (clock += ms) };
}

describe('createRecordBatcher', () => {
  it('sends many records in one message, cut by time as they come, in order', () => {
    const { batches, add, tick } = setup();
    add('a');
    tick(10);
    add('b');
    expect(batches).toEqual([]);
    tick(RECORD_BATCH_MS);
    add('c');
    add('d');
    expect(batches).toEqual([['a', 'b', 'c']]);
  });

  it('cuts a batch at its size, and flush sends what waits', () => {
    const { batcher, batches, add } = setup();
    for (let i = 0; i < RECORD_BATCH_SIZE + 2; i++) add(`t${i}`);
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(RECORD_BATCH_SIZE);
    batcher.flush();
    expect(batches[1]).toEqual([`t${RECORD_BATCH_SIZE}`, `t${RECORD_BATCH_SIZE + 1}`]);
    batcher.flush();
    expect(batches).toHaveLength(2);
  });

  it('a test that starts sends what has waited long enough first, so a slow test does not hold it', () => {
    const { batcher, batches, add, tick } = setup();
    add('fast');
    batcher.starting();
    expect(batches).toEqual([]);
    tick(RECORD_BATCH_MS);
    batcher.starting();
    expect(batches).toEqual([['fast']]);
  });
});
