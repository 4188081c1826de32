/** Outcomes in the order the progress line names them. */
const ORDER = ['passed', 'failed', 'error', 'skipped', 'xfailed', 'xpassed'];

/**
 * A progress line on stderr while tests run ("Running tests… 12 passed, 1 failed"), redrawn as each batch of tests
 * finishes and erased when `done` is called. Only on a terminal: piped output stays clean.
 */
export function startTestProgress(stream: Pick<NodeJS.WriteStream, 'isTTY' | 'write'> = process.stderr): {
  add(records: ReadonlyArray<{ outcome: string }>): void;
  done(): void;
} {
  if (!stream.isTTY) return { add: () => undefined, done: () => undefined };
  const counts = new Map<string, number>();
  let drawn = false;
  return {
    add(records) {
      for (const r of records) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
      const parts = [...counts.entries()]
        .sort(([a], [b]) => ((ORDER.indexOf(a) + 99) % 99) - ((ORDER.indexOf(b) + 99) % 99))
        .map(([outcome, n]) => `${n} ${outcome}`);
      stream.write(`\r\x1b[2KRunning tests… ${parts.join(', ')}`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
