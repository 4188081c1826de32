import type { RunStatus } from '../protocol/results.ts';
import type { ExecutionMetrics } from './seedMetrics.ts';

/** Runs kept per session unless configured otherwise. */
export const DEFAULT_HISTORY_LIMIT = 500;
/** Sessions' runs together are capped at this many times the per-session limit. */
export const HISTORY_SESSIONS_FACTOR = 10;

/** One past run, as the history keeps it. */
export interface HistoryEntry {
  /** Assigned by the storage; grows with time. */
  id: number;
  session: string;
  /** When it finished (ms since the epoch). */
  at: number;
  /** What ran: a file's path, or "batch: …" for a batch step. */
  source: string;
  kind: 'run' | 'profile' | 'batch';
  code: string;
  status: RunStatus;
  /** Null when COLLECT_METRICS was off for the run. */
  metrics: ExecutionMetrics | null;
  /** The start of its output (and its error), at most {@link HISTORY_EXCERPT_CHARS}. */
  output: string;
}

/** Longest output excerpt kept per run. */
export const HISTORY_EXCERPT_CHARS = 2000;
/** Longest code kept per run. */
export const HISTORY_CODE_CHARS = 200_000;

/** Where the history lives (IndexedDB in the app, memory in tests). */
export interface HistoryStorage {
  /** The session's runs, oldest first. */
  list(session: string): Promise<HistoryEntry[]>;
  /** Adds a run and drops the session's oldest beyond `limit`; resolves to the stored entry (with its id). */
  add(entry: Omit<HistoryEntry, 'id'>, limit: number): Promise<HistoryEntry>;
  /** Adds runs in one write (then trims as `add` does, once); resolves to the stored entries, in order. */
  addMany(entries: Array<Omit<HistoryEntry, 'id'>>, limit: number): Promise<HistoryEntry[]>;
  clear(session: string): Promise<void>;
}

/** A history in memory (tests, and browsers without IndexedDB). */
export function createMemoryHistoryStorage(): HistoryStorage & { all: HistoryEntry[] } {
  let nextId = 1;
  const store = {
    all: [] as HistoryEntry[],
    list: async (session: string) => store.all.filter((e) => e.session === session).map((e) => ({ ...e })),
    add: async (entry: Omit<HistoryEntry, 'id'>, limit: number) => (await store.addMany([entry], limit))[0] as HistoryEntry,
    addMany: async (entries: Array<Omit<HistoryEntry, 'id'>>, limit: number) => {
      const saved = entries.map((entry) => ({ ...entry, id: nextId++ }));
      store.all.push(...saved);
      for (const session of new Set(entries.map((e) => e.session))) {
        const mine = store.all.filter((e) => e.session === session);
        const drop = new Set(mine.slice(0, Math.max(0, mine.length - limit)).map((e) => e.id));
        store.all = store.all.filter((e) => !drop.has(e.id));
      }
      store.all = store.all.slice(Math.max(0, store.all.length - limit * HISTORY_SESSIONS_FACTOR));
      return saved;
    },
    clear: async (session: string) => {
      store.all = store.all.filter((e) => e.session !== session);
    },
  };
  return store;
}
