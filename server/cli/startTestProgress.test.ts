import { describe, expect, it } from 'vitest';
import { startTestProgress } from './startTestProgress.ts';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => (written.push(text), true) }, written };
}

describe('startTestProgress', () => {
  it('redraws one line with the counts as tests finish, and erases it at the end', () => {
    const { stream, written } = fakeStream(true);
    const progress = startTestProgress(stream);
    progress.add([{ outcome: 'failed' }, { outcome: 'passed' }]);
    progress.add([{ outcome: 'passed' }, { outcome: 'skipped' }]);
    progress.done();
    expect(written).toEqual([
      '\r\x1b[2KRunning tests… 1 passed, 1 failed',
      '\r\x1b[2KRunning tests… 2 passed, 1 failed, 1 skipped',
      '\r\x1b[2K',
    ]);
  });

  it('writes nothing when stderr is not a terminal', () => {
    const { stream, written } = fakeStream(false);
    const progress = startTestProgress(stream);
    progress.add([{ outcome: 'passed' }]);
    progress.done();
    expect(written).toEqual([]);
  });
});
