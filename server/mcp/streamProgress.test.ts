import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageProgress } from '../../src/headless/pageProgress.ts';
import { MAX_PROGRESS_MESSAGE_CHARS, progressMessage, streamProgress, type ProgressParams } from './streamProgress.ts';

afterEach(() => vi.useRealTimers());

function setup(heartbeatMs = 1000) {
  let listener: ((event: PageProgress) => void) | null = null;
  const sent: ProgressParams[] = [];
  const stop = streamProgress(
    (l) => ((listener = l), () => (listener = null)),
    'tok',
    (p) => sent.push(p),
    heartbeatMs,
  );
  return { sent, stop, emit: (e: PageProgress) => listener?.(e), subscribed: () => listener !== null };
}

describe('streamProgress', () => {
  it('sends output and finished tests as they come, counting up', () => {
    const { sent, emit } = setup();
    emit({
      kind: 'output',
      chunks: [
        { stream: 'stdout', text: 'a\n' },
        { stream: 'stderr', text: 'b\n' },
      ],
    });
    emit({
      kind: 'tests',
      records: [
        { nodeId: 't.py::test_a', outcome: 'passed' },
        { nodeId: 't.py::test_b', outcome: 'failed' },
      ],
    });
    expect(sent).toEqual([
      { progressToken: 'tok', progress: 1, message: 'a\nb\n' },
      { progressToken: 'tok', progress: 2, message: 'PASSED t.py::test_a\nFAILED t.py::test_b' },
    ]);
  });

  it('sends a heartbeat after a silence, not while output flows, and nothing after it is stopped', () => {
    vi.useFakeTimers();
    const { sent, emit, stop, subscribed } = setup(1000);
    vi.advanceTimersByTime(800);
    emit({ kind: 'output', chunks: [{ stream: 'stdout', text: 'x' }] });
    vi.advanceTimersByTime(800);
    expect(sent.map((s) => s.message)).toEqual(['x']);
    vi.advanceTimersByTime(400);
    expect(sent.at(-1)).toEqual({ progressToken: 'tok', progress: 2, message: 'still running (2 s)' });
    stop();
    expect(subscribed()).toBe(false);
    vi.advanceTimersByTime(5000);
    expect(sent).toHaveLength(2);
  });

  it('cuts a flood to its end, saying how much was left out', () => {
    const text = 'y'.repeat(MAX_PROGRESS_MESSAGE_CHARS + 10);
    const message = progressMessage({ kind: 'output', chunks: [{ stream: 'stdout', text }] });
    expect(message).toMatch(/^… \[10 characters left out\] …\n/);
    expect(message.endsWith('y'.repeat(MAX_PROGRESS_MESSAGE_CHARS))).toBe(true);
  });
});
