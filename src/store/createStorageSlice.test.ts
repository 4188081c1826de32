import { describe, expect, it, vi } from 'vitest';
import { createMemorySessionDb, type SessionDb } from '../session/sessionDb.ts';
import { createAppStore } from './createAppStore.ts';
import { isQuotaError } from './createStorageSlice.ts';
import { persistSessions } from './persistSessions.ts';
import type { SessionRecord } from './sessionTypes.ts';
import type { StorageAccess } from './storageTypes.ts';

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

function quotaError(): Error {
  const err = new Error('The quota has been exceeded.');
  err.name = 'QuotaExceededError';
  return err;
}

/** A session database whose writes fail while `full` is set; and a fake of the browser's storage. */
function setup(options: { persist?: boolean; failOpen?: boolean } = {}) {
  const memory = createMemorySessionDb<SessionRecord>();
  const disk = { full: false };
  const db: SessionDb<SessionRecord> = {
    ...memory,
    list: () => (options.failOpen ? Promise.reject(new Error('IndexedDB is not available in private windows')) : memory.list()),
    put: (r) => (disk.full ? Promise.reject(quotaError()) : memory.put(r)),
  };
  const access: StorageAccess & { persist: ReturnType<typeof vi.fn> } = {
    estimate: async () => ({ usage: 5 * 2 ** 20, quota: 6 * 2 ** 20 }),
    persist: vi.fn(async () => options.persist ?? true),
    persisted: async () => options.persist ?? true,
    measureSnapshots: async () => 30 * 2 ** 20,
    clearSnapshots: vi.fn(async () => {
      disk.full = false;
    }),
    measurePackageCache: async () => 2 ** 20,
    clearPackageCache: vi.fn(async () => undefined),
  };
  const prefs = memoryStorage();
  const store = createAppStore({ sessionDb: db, storageAccess: access, storage: prefs });
  return { store, disk, access, memory, prefs, s: () => store.getState() };
}

describe('storage slice', () => {
  it('tells a refused write for space from other errors', () => {
    expect(isQuotaError(quotaError())).toBe(true);
    expect(isQuotaError(new Error('The session could not be saved (the disk may be full)'))).toBe(true);
    expect(isQuotaError(new Error('Connection to Indexed Database server lost'))).toBe(false);
    expect(isQuotaError('quota')).toBe(false);
  });

  it('a full disk raises the banner, keeps what was typed, and the next save that fits clears it', async () => {
    const { store, disk, s, memory } = setup();
    const { flush, ready } = persistSessions(store, {}, 60_000);
    await ready;
    disk.full = true;
    s().setCode('print("typed while the disk was full")');
    await flush();
    expect(s().storageProblem).toEqual({ kind: 'quota', detail: 'The quota has been exceeded.' });
    await vi.waitFor(() => expect(s().storageEstimate).toEqual({ usage: 5 * 2 ** 20, quota: 6 * 2 ** 20 }));
    expect(s().code).toBe('print("typed while the disk was full")');
    // Space freed from Settings: the open session is saved again at once.
    await s().deleteSnapshots();
    expect(s().storageProblem).toBeNull();
    const saved = memory.records.get(s().currentSessionId ?? '');
    expect(JSON.stringify(saved?.project)).toContain('typed while the disk was full');
  });

  it('an IndexedDB that cannot be opened says nothing will be kept, and a save does not clear that', async () => {
    const { store, s } = setup({ failOpen: true });
    const { flush, ready } = persistSessions(store, {}, 60_000);
    await ready;
    expect(s().storageProblem?.kind).toBe('unavailable');
    expect(s().storageProblem?.detail).toMatch(/private windows/);
    s().setCode('x = 1');
    await flush();
    expect(s().storageProblem?.kind).toBe('unavailable');
  });

  it('asks for persistent storage once, after work is first saved, and remembers the answer', async () => {
    const { store, access, s, prefs } = setup({ persist: false });
    const { flush, ready } = persistSessions(store, {}, 60_000);
    await ready;
    expect(access.persist).not.toHaveBeenCalled();
    s().setCode('a = 1');
    await flush();
    await vi.waitFor(() => expect(s().persistence).toBe('denied'));
    s().setCode('a = 2');
    await flush();
    expect(access.persist).toHaveBeenCalledTimes(1);
    expect(prefs.m.get('executor.storage.persistAsked')).toBe('1');
  });

  it('measures each session, the snapshots and the package files, and deletes each', async () => {
    const { store, access, s } = setup();
    const { ready } = persistSessions(store, {}, 60_000);
    await ready;
    s().setCode('x = "' + 'y'.repeat(10_000) + '"');
    await s().flushSession();
    await s().createSession('Second');
    await s().refreshStorageReport();
    const report = s().storageReport;
    expect(report?.usage).toBe(5 * 2 ** 20);
    expect(report?.snapshots).toBe(30 * 2 ** 20);
    expect(report?.packageCache).toBe(2 ** 20);
    expect(report?.sessions.map((x) => x.name)).toEqual(['Session 1', 'Second']);
    expect(report?.sessions[0]?.bytes).toBeGreaterThan(10_000);
    await s().deletePackageCache();
    expect(access.clearPackageCache).toHaveBeenCalledTimes(1);
    await s().deleteSnapshots();
    expect(access.clearSnapshots).toHaveBeenCalledTimes(1);
  });
});
