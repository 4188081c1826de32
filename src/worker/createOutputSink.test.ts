import { describe, expect, it } from 'vitest';
import { createOutputSink, TRUNCATION_MARKER } from './createOutputSink.ts';
import type { OutputChunk } from '../protocol/results.ts';

function setup(maxChars = 100, intervalMs = 50) {
  let t = 0;
  const batches: OutputChunk[][] = [];
  const sink = createOutputSink({ maxChars, intervalMs, batchChars: 1000, now: () => t, send: (c) => batches.push(c) });
  return { sink, batches, advance: (ms: number) => (t += ms) };
}

describe('createOutputSink', () => {
  it('keeps stdout and stderr in the order written, merging neighbours', () => {
    const { sink } = setup();
    sink.write('stdout', 'a');
    sink.write('stdout', 'b');
    sink.write('stderr', 'E');
    sink.write('stdout', 'c');
    expect(sink.chunks).toEqual([
      { stream: 'stdout', text: 'ab' },
      { stream: 'stderr', text: 'E' },
      { stream: 'stdout', text: 'c' },
    ]);
  });

  it('sends one huge write in batches no larger than batchChars, losing nothing', () => {
    const { sink, batches } = setup(10_000);
    sink.write('stdout', 'y'.repeat(2500));
    sink.flush();
    const sizes = batches.map((b) => b.reduce((n, c) => n + c.text.length, 0));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1000);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(2500);
    expect(sink.totalChars).toBe(2500);
  });

  it('sends the first write at once, then batches by time', () => {
    const { sink, batches, advance } = setup();
    sink.write('stdout', 'first\n');
    expect(batches).toEqual([[{ stream: 'stdout', text: 'first\n' }]]);
    for (let i = 0; i < 10; i++) sink.write('stdout', `${i}\n`);
    expect(batches).toHaveLength(1);
    advance(60);
    sink.write('stdout', 'x');
    expect(batches).toHaveLength(2);
    expect(batches[1]?.[0]?.text).toBe('0\n1\n2\n3\n4\n5\n6\n7\n8\n9\nx');
    sink.write('stdout', 'y');
    sink.flush();
    expect(batches).toHaveLength(3);
  });

  it('holds the cap, adds the marker once and still counts dropped output', () => {
    const { sink, batches } = setup(10);
    sink.write('stdout', '12345678');
    sink.write('stdout', 'abcdef');
    sink.write('stdout', 'more');
    sink.flush();
    const kept = sink.chunks.map((c) => c.text).join('');
    expect(kept).toBe('12345678ab' + TRUNCATION_MARKER);
    expect(sink.truncated).toBe(true);
    expect(sink.totalChars).toBe(18);
    expect(
      batches
        .flat()
        .map((c) => c.text)
        .join(''),
    ).toBe(kept);
  });
});
