import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createIdbHistoryStorage } from './createIdbHistoryStorage.ts';
import { createMemoryHistoryStorage, HISTORY_SESSIONS_FACTOR, type HistoryEntry, type HistoryStorage } from './historyStorage.ts';

const entry = (session: string, n: number): Omit<HistoryEntry, 'id'> => ({
  session,
  at: 1000 + n,
  source: 'main.py',
  kind: 'run',
  code: `print(${n})`,
  status: 'ok',
  metrics: null,
  output: `${n}\n`,
});

// The same contract for the app's storage (IndexedDB) and the one tests and browsers without it use (memory).
for (const [name, make] of [
  ['IndexedDB', createIdbHistoryStorage],
  ['memory', createMemoryHistoryStorage],
] as Array<[string, () => HistoryStorage]>) {
  describe(`history storage (${name})`, () => {
    it('keeps each session’s runs apart, oldest first, with growing ids', async () => {
      const storage = make();
      const session = `s-${name}-${Math.random()}`;
      const a = await storage.add(entry(session, 1), 10);
      const b = await storage.add(entry(session, 2), 10);
      await storage.add(entry(`${session}-other`, 3), 10);
      expect(b.id).toBeGreaterThan(a.id);
      expect((await storage.list(session)).map((e) => e.code)).toEqual(['print(1)', 'print(2)']);
      await storage.clear(session);
      expect(await storage.list(session)).toEqual([]);
      expect(await storage.list(`${session}-other`)).toHaveLength(1);
    });

    it('adds a batch in one write, in order, trimming each session it touches', async () => {
      const storage = make();
      const session = `b-${name}-${Math.random()}`;
      const saved = await storage.addMany([entry(session, 1), entry(`${session}-x`, 2), entry(session, 3), entry(session, 4)], 2);
      expect(saved.map((e) => e.code)).toEqual(['print(1)', 'print(2)', 'print(3)', 'print(4)']);
      expect(saved.map((e) => e.id)).toEqual([...saved.map((e) => e.id)].sort((a, b) => a - b));
      expect((await storage.list(session)).map((e) => e.code)).toEqual(['print(3)', 'print(4)']);
      expect(await storage.list(`${session}-x`)).toHaveLength(1);
      expect(await storage.addMany([], 2)).toEqual([]);
    });

    it('drops a session’s oldest runs beyond its limit, and all sessions’ oldest beyond the overall cap', async () => {
      const storage = make();
      const session = `t-${name}-${Math.random()}`;
      for (let n = 0; n < 5; n++) await storage.add(entry(session, n), 3);
      expect((await storage.list(session)).map((e) => e.code)).toEqual(['print(2)', 'print(3)', 'print(4)']);
      const limit = 2;
      const sessions = Array.from({ length: HISTORY_SESSIONS_FACTOR + 2 }, (_, i) => `${session}-${i}`);
      for (const s of sessions) for (let n = 0; n < limit; n++) await storage.add(entry(s, n), limit);
      const kept = (await Promise.all(sessions.map((s) => storage.list(s)))).reduce((sum, runs) => sum + runs.length, 0);
      expect(kept).toBeLessThanOrEqual(limit * HISTORY_SESSIONS_FACTOR);
      expect(await storage.list(sessions.at(-1) ?? '')).toHaveLength(limit);
    });
  });
}
