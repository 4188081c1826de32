import { describe, expect, it } from 'vitest';
import { createLock } from './createLock.ts';

describe('createLock', () => {
  it('serializes holders in request order', async () => {
    const lock = createLock();
    const events: string[] = [];
    const task = async (name: string, ms: number) => {
      const release = await lock.acquire();
      events.push(`${name}+`);
      await new Promise((r) => setTimeout(r, ms));
      events.push(`${name}-`);
      release();
    };
    await Promise.all([task('a', 20), task('b', 1), task('c', 5)]);
    expect(events).toEqual(['a+', 'a-', 'b+', 'b-', 'c+', 'c-']);
  });
});

describe('lock.run', () => {
  it('holds the lock for the function and releases it when the function throws', async () => {
    const lock = createLock();
    const events: string[] = [];
    const failing = lock.run(async () => {
      events.push('a');
      await Promise.resolve();
      throw new Error('boom');
    });
    const next = lock.run(async () => {
      events.push('b');
      return 42;
    });
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe(42);
    expect(events).toEqual(['a', 'b']);
  });
});
