import { describe, expect, it } from 'vitest';
import type { WorkerHandle, WorkerListener } from './createWorkerHandle.ts';
import { createWorkerSlot, failureOf } from './createWorkerSlot.ts';

function spawner() {
  const spawned: Array<{ handle: WorkerHandle; listener: WorkerListener; terminated: boolean }> = [];
  const spawn = (listener: WorkerListener): WorkerHandle => {
    const entry = { handle: {} as WorkerHandle, listener, terminated: false };
    entry.handle = { url: `w${spawned.length}`, terminate: () => void (entry.terminated = true) } as unknown as WorkerHandle;
    spawned.push(entry);
    return entry.handle;
  };
  return { spawn, spawned };
}

describe('createWorkerSlot', () => {
  it('starts an interpreter only when filled, keeps it, and terminates it when emptied', () => {
    const { spawn, spawned } = spawner();
    const slot = createWorkerSlot(spawn, () => undefined);
    expect(slot.handle).toBeNull();
    const first = slot.fill();
    expect(slot.fill()).toBe(first);
    expect(spawned).toHaveLength(1);
    expect(slot.holds(first)).toBe(true);
    slot.empty();
    expect(spawned[0]?.terminated).toBe(true);
    expect(slot.handle).toBeNull();
    expect(slot.holds(first)).toBe(false);
    expect(slot.fill()).not.toBe(first);
  });

  it('takes another slot’s interpreter without ending it, ending its own', () => {
    const { spawn, spawned } = spawner();
    const active = createWorkerSlot(spawn, () => undefined);
    const spare = createWorkerSlot(spawn, () => undefined);
    active.fill();
    const moved = spare.fill();
    active.take(spare);
    expect(spawned[0]?.terminated).toBe(true);
    expect(spawned[1]?.terminated).toBe(false);
    expect(active.handle).toBe(moved);
    expect(spare.handle).toBeNull();
  });

  it('names the failure of an interpreter that could not start or crashed, and nothing else', () => {
    expect(failureOf({ type: 'boot-failed', message: 'no memory' })).toBe('Python could not start: no memory');
    expect(failureOf({ type: 'fatal', id: 3, message: 'RuntimeError: unreachable' })).toBe(
      'The interpreter crashed (RuntimeError: unreachable).',
    );
    expect(failureOf({ type: 'ready', bootMs: 3 })).toBeNull();
  });
});
