import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from './historyStorage.ts';
import { replayableRuns } from './replayableRuns.ts';

let nextId = 1;
const run = (code: string, status: HistoryEntry['status'] = 'ok', kind: HistoryEntry['kind'] = 'run'): HistoryEntry => ({
  id: nextId++,
  session: 's',
  at: nextId,
  source: 'main.py',
  kind,
  code,
  status,
  metrics: null,
  output: '',
});

describe('replayableRuns', () => {
  it('keeps successful runs and profiles in order, and leaves out failures and batch steps', () => {
    const history = [
      run('a = 1'),
      run('1 / 0', 'error'),
      run('b = 2', 'ok', 'profile'),
      run('c = 3', 'ok', 'batch'),
      run('while True: pass', 'timeout'),
      run('d = a + b'),
    ];
    expect(replayableRuns(history).map((e) => e.code)).toEqual(['a = 1', 'b = 2', 'd = a + b']);
  });

  it('starts after the last crash, when the interpreter lost everything', () => {
    const history = [run('a = 1'), run('crash()', 'crashed'), run('b = 2'), run('crash()', 'crashed'), run('c = 3')];
    expect(replayableRuns(history).map((e) => e.code)).toEqual(['c = 3']);
  });

  it('has nothing to replay for an empty history or one without a success', () => {
    expect(replayableRuns([])).toEqual([]);
    expect(replayableRuns([run('x', 'error'), run('y', 'stopped')])).toEqual([]);
  });
});
