import { describe, expect, it } from 'vitest';
import { describeDisplays } from './describeDisplays.ts';

// A 3×2 PNG's first 24 bytes (signature + IHDR start) are enough for its size.
const png = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
  Buffer.from([0, 0, 0, 3, 0, 0, 0, 2]),
  Buffer.alloc(100),
]).toString('base64');

describe('describeDisplays', () => {
  it('tells what each rich output is, with an image size and type', () => {
    expect(
      describeDisplays([
        { kind: 'display', data: { 'image/png': png, 'text/plain': '<Figure 1>' } },
        { kind: 'result', data: { 'text/html': '<table></table>', 'text/plain': 'Frame(2 rows)' } },
        { kind: 'display', data: { 'text/plain': '[image/png output of 3.0 MB not shown: ...]' } },
      ]),
    ).toEqual([
      'image produced: image/png 3×2, 0.1 KB',
      'text/html output (0.0 KB): Frame(2 rows)',
      '[image/png output of 3.0 MB not shown: ...]',
    ]);
    expect(describeDisplays([])).toEqual([]);
  });
});
