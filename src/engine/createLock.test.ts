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
