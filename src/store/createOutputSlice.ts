import type { ConsoleEntry, OutputSlice, SliceCreator } from './types.ts';

/** The console keeps at most this many blocks; older ones scroll away for good. */
export const MAX_CONSOLE_ENTRIES = 1000;

let nextEntryId = 1;

function withEntry(entries: ConsoleEntry[], kind: ConsoleEntry['kind'], text: string): ConsoleEntry[] {
  const last = entries[entries.length - 1];
  if (last && last.kind === kind && (kind === 'stdout' || kind === 'stderr')) {
    return [...entries.slice(0, -1), { ...last, text: last.text + text }];
  }
  const next = [...entries, { id: nextEntryId++, kind, text }];
  return next.length > MAX_CONSOLE_ENTRIES ? next.slice(next.length - MAX_CONSOLE_ENTRIES) : next;
}

/** Output slice: stdout and stderr merged into blocks in the order they were written. */
export const createOutputSlice: SliceCreator<OutputSlice> = (set) => ({
  entries: [],
  appendOutput(chunks) {
    set((s) => ({ entries: chunks.reduce((acc, c) => withEntry(acc, c.stream, c.text), s.entries) }));
  },
  appendEntry(kind, text) {
    set((s) => ({ entries: withEntry(s.entries, kind, text) }));
  },
  clearOutput() {
    set({ entries: [] });
  },
});
