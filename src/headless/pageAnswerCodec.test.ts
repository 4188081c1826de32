import { describe, expect, it } from 'vitest';
import { decodePageAnswer, encodePageAnswer } from './pageAnswerCodec.ts';

describe('page answer codec', () => {
  it('round-trips an answer with file bytes of any value and size, and plain values untouched', () => {
    const big = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7) % 256);
    const answer = {
      value: { status: 'ok', stdout: 'é 😀\n', value: null, nested: [{ n: 1.5, ok: true }] },
      changes: [
        {
          written: [
            { path: 'a.bin', bytes: big },
            { path: 'empty', bytes: new Uint8Array(0) },
          ],
          deleted: ['b'],
          skipped: [],
        },
      ],
    };
    const decoded = decodePageAnswer(encodePageAnswer(answer));
    expect(decoded).toEqual(answer);
    expect(decoded.changes[0]?.written[0]?.bytes).toBeInstanceOf(Uint8Array);
  });

  it('leaves an object that only looks like bytes (another key beside the marker) as it is', () => {
    const value = { __executorBytes: 'AAE=', other: 1 };
    expect(decodePageAnswer(encodePageAnswer({ value, changes: [] })).value).toEqual(value);
  });
});
