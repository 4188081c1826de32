import type { ConsoleEntry, OutputSlice, SliceCreator } from './types.ts';
import { mergeChunks } from '../protocol/outputText.ts';

/** The console keeps at most this many blocks; older ones scroll away for good. */
export const MAX_CONSOLE_ENTRIES = 1000;

/** One output block shows at most this many characters: the newest ones, like a terminal's scrollback. */
export const MAX_ENTRY_CHARS = 200_000;

/** Prefix of a block whose beginning scrolled away. */
export const SCROLLED_MARKER = '[… earlier output scrolled out of the console …]\n';

let nextEntryId = 1;

/** Keeps the newest characters of a block; `dropped` counts those that scrolled away, so views can keep stable boundaries. */
function scrollback(text: string, dropped = 0): { text: string; dropped?: number } {
  if (text.length <= MAX_ENTRY_CHARS) return dropped ? { text, dropped } : { text };
  const body = text.startsWith(SCROLLED_MARKER) ? text.slice(SCROLLED_MARKER.length) : text;
  const kept = MAX_ENTRY_CHARS - SCROLLED_MARKER.length;
  return { text: SCROLLED_MARKER + body.slice(body.length - kept), dropped: dropped + body.length - kept };
}

function withEntry(entries: ConsoleEntry[], kind: ConsoleEntry['kind'], text: string): ConsoleEntry[] {
  const last = entries[entries.length - 1];
  if (last && last.kind === kind && (kind === 'stdout' || kind === 'stderr')) {
    return [...entries.slice(0, -1), { ...last, ...scrollback(last.text + text, last.dropped) }];
  }
  const next = [...entries, { id: nextEntryId++, kind, ...scrollback(text) }];
  return next.length > MAX_CONSOLE_ENTRIES ? next.slice(next.length - MAX_CONSOLE_ENTRIES) : next;
}

/** Output slice: stdout and stderr merged into blocks in the order they were written. */
export const createOutputSlice: SliceCreator<OutputSlice> = (set) => ({
  entries: [],
  appendOutput(chunks) {
    // Merged first: a batch of thousands of small writes trims the scrollback once, not once per write.
    set((s) => ({ entries: mergeChunks(chunks).reduce((acc, c) => withEntry(acc, c.stream, c.text), s.entries) }));
  },
  appendEntry(kind, text) {
    set((s) => ({ entries: withEntry(s.entries, kind, text) }));
  },
  appendDisplay(display) {
    set((s) => {
      const next = [...s.entries, { id: nextEntryId++, kind: 'display' as const, text: display.data['text/plain'] ?? '', display }];
      return { entries: next.length > MAX_CONSOLE_ENTRIES ? next.slice(next.length - MAX_CONSOLE_ENTRIES) : next };
    });
  },
  clearOutput() {
    set({ entries: [] });
  },
});
