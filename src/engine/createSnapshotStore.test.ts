import { describe, expect, it } from 'vitest';
import { keysToEvict, snapshotKey } from './createSnapshotStore.ts';

describe('snapshot store', () => {
  it('keys a snapshot by build and browser', () => {
    expect(snapshotKey('314.0.7-abc', 'Chrome/140')).not.toBe(snapshotKey('314.0.7-abd', 'Chrome/140'));
    expect(snapshotKey('314.0.7-abc', 'Chrome/140')).not.toBe(snapshotKey('314.0.7-abc', 'Chrome/141'));
    expect(snapshotKey('314.0.7-abc', 'Chrome/140')).toBe(snapshotKey('314.0.7-abc', 'Chrome/140'));
  });

  it('keeps the newest two snapshots', () => {
    const entries = [
      { key: 'a', savedAt: 1 },
      { key: 'c', savedAt: 3 },
      { key: 'b', savedAt: 2 },
      { key: 'd', savedAt: 4 },
    ];
    expect(keysToEvict(entries).sort()).toEqual(['a', 'b']);
    expect(keysToEvict(entries.slice(0, 2))).toEqual([]);
  });
});

describe('createSnapshotStore (IndexedDB)', () => {
  it('saves, loads and discards this key, and keeps at most two snapshots', async () => {
    const { IDBFactory } = await import('fake-indexeddb');
    const { createSnapshotStore } = await import('./createSnapshotStore.ts');
    const idb = new IDBFactory();
    const stores = ['build-1', 'build-2', 'build-3'].map((k) => createSnapshotStore(k, idb));
    expect(await stores[0]?.load()).toBeNull();
    for (const [i, store] of stores.entries()) {
      await store.save(new Uint8Array([i, 1, 2]));
      await new Promise((r) => setTimeout(r, 2)); // distinct savedAt
    }
    expect(await stores[0]?.load()).toBeNull(); // evicted: the oldest of three
    const bytes = async (blob: Blob | null | undefined) => Array.from(new Uint8Array((await blob?.arrayBuffer()) ?? new ArrayBuffer(0)));
    expect(await bytes(await stores[1]?.load())).toEqual([1, 1, 2]);
    expect(await bytes(await stores[2]?.load())).toEqual([2, 1, 2]);
    await stores[2]?.discard();
    expect(await stores[2]?.load()).toBeNull();
    expect(await stores[1]?.load()).not.toBeNull();
  });

  it('reads a snapshot stored as bytes by an earlier version as a Blob too', async () => {
    const { IDBFactory } = await import('fake-indexeddb');
    const { createSnapshotStore } = await import('./createSnapshotStore.ts');
    const idb = new IDBFactory();
    const req = idb.open('executor-snapshots', 1);
    req.onupgradeneeded = () => req.result.createObjectStore('snapshots', { keyPath: 'key' });
    const db = await new Promise<IDBDatabase>((resolve) => (req.onsuccess = () => resolve(req.result)));
    await new Promise((resolve) => {
      const tx = db.transaction('snapshots', 'readwrite');
      tx.objectStore('snapshots').put({ key: 'old', bytes: new Uint8Array([7, 8]), savedAt: 1 });
      tx.oncomplete = resolve;
    });
    db.close();
    const blob = await createSnapshotStore('old', idb).load();
    expect(blob).toBeInstanceOf(Blob);
    expect(Array.from(new Uint8Array((await blob?.arrayBuffer()) ?? new ArrayBuffer(0)))).toEqual([7, 8]);
  });
});
