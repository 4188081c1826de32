import { describe, expect, it } from 'vitest';
import type { WorkerToFrame } from '../protocol/frameWorker.ts';
import type { WorkerHandle, WorkerListener } from './createWorkerHandle.ts';
import { createInterpreterSlots } from './createInterpreterSlots.ts';

function setup(options?: { spare: boolean }) {
  const spawned: Array<{ handle: WorkerHandle; listener: WorkerListener; terminated: boolean }> = [];
  const heard: WorkerToFrame[] = [];
  const spawn = (listener: WorkerListener): WorkerHandle => {
    const entry = { handle: {} as WorkerHandle, listener, terminated: false };
    entry.handle = { url: `w${spawned.length}`, terminate: () => void (entry.terminated = true) } as unknown as WorkerHandle;
    spawned.push(entry);
    return entry.handle;
  };
  const slots = createInterpreterSlots(spawn, (msg) => heard.push(msg), options);
  const say = (i: number, msg: WorkerToFrame) => spawned[i]?.listener(spawned[i].handle, msg);
  return { slots, spawned, heard, say };
}

describe('createInterpreterSlots', () => {
  it('boots a spare once the active interpreter is ready, and swaps it in (ready) when the active one is replaced', () => {
    const { slots, spawned, heard, say } = setup();
    say(0, { type: 'ready', bootMs: 5, boot: 'snapshot', snapshotProblem: null });
    expect(heard).toHaveLength(1);
    expect(slots.becameReady()).toEqual({ boot: 'snapshot', problem: null });
    expect(spawned).toHaveLength(2);
    say(1, { type: 'ready', bootMs: 5 });
    expect(heard).toHaveLength(1); // the spare's messages stay here
    slots.tainted = true;
    expect(slots.replace()).toBe(true);
    expect(spawned[0]?.terminated).toBe(true);
    expect(slots.active).toBe(spawned[1]?.handle);
    expect(slots.tainted).toBe(false);
    expect(slots.becameReady()).toEqual({ boot: 'normal', problem: null });
  });

  it('drops a spare that fails, and starts a new interpreter when there is no spare', () => {
    const { slots, spawned, say } = setup();
    slots.becameReady();
    say(1, { type: 'boot-failed', message: 'no memory' });
    expect(spawned[1]?.terminated).toBe(true);
    expect(slots.replace()).toBe(false);
    expect(spawned).toHaveLength(3);
    expect(slots.active).toBe(spawned[2]?.handle);
    expect(slots.ready).toBe(false);
  });

  it('without a spare holds one interpreter; a replacement boots then, and its messages are the active ones', () => {
    const { slots, spawned, heard, say } = setup({ spare: false });
    say(0, { type: 'ready', bootMs: 5, boot: 'snapshot', snapshotProblem: null });
    expect(slots.becameReady()).toEqual({ boot: 'snapshot', problem: null });
    expect(spawned).toHaveLength(1);
    expect(slots.replace()).toBe(false);
    expect(spawned[0]?.terminated).toBe(true);
    expect(spawned).toHaveLength(2);
    expect(slots.ready).toBe(false);
    say(1, { type: 'ready', bootMs: 5, boot: 'snapshot', snapshotProblem: null });
    expect(heard.at(-1)).toMatchObject({ type: 'ready' });
    expect(slots.becameReady()).toEqual({ boot: 'snapshot', problem: null });
    expect(spawned).toHaveLength(2);
  });
});
