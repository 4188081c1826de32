import { describe, expect, it } from 'vitest';
import { snapshotsWanted } from './snapshotsWanted.ts';

describe('snapshotsWanted', () => {
  const on = Promise.resolve({ snapshots: true });
  it('is on by default, also on a static host without /api/config', async () => {
    expect(await snapshotsWanted('', false, on)).toBe(true);
    expect(await snapshotsWanted('?session=abc', false, Promise.resolve(null))).toBe(true);
  });
  it('is off by the URL flag, in development, or by the deployment', async () => {
    expect(await snapshotsWanted('?snapshots=off', false, on)).toBe(false);
    expect(await snapshotsWanted('', true, on)).toBe(false);
    expect(await snapshotsWanted('', false, Promise.resolve({ snapshots: false }))).toBe(false);
  });
});
