import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, MAX_PROJECT_BYTES, MAX_PROJECT_FILES } from '../protocol/testProtocol.ts';
import { mergeFiles } from './mergeFiles.ts';

const bytes = (n: number) => ({ length: n }) as unknown as Uint8Array;

describe('mergeFiles', () => {
  it('adds, replaces and deletes, sorted by path', () => {
    const { files, refused } = mergeFiles(
      [
        { path: 'b.py', content: 'old' },
        { path: 'c.py', content: 'gone' },
      ],
      [
        { path: 'b.py', content: 'new' },
        { path: 'a.png', bytes: new Uint8Array([137, 80]) },
      ],
      ['c.py'],
    );
    expect(files).toEqual([
      { path: 'a.png', bytes: new Uint8Array([137, 80]) },
      { path: 'b.py', content: 'new' },
    ]);
    expect(refused).toEqual([]);
  });

  it('leaves out a file over 50 MB, naming the cap, and keeps what the project had at that path', () => {
    const { files, refused } = mergeFiles(
      [{ path: 'big.bin', content: 'small' }],
      [{ path: 'big.bin', bytes: bytes(MAX_FILE_BYTES + 10 * 2 ** 20) }],
    );
    expect(files).toEqual([{ path: 'big.bin', content: 'small' }]);
    expect(refused).toEqual(['big.bin is 60.0 MB, over the 50.0 MB a project file may hold']);
  });

  it('stops at 200 MB for the whole project, counting what a replaced file gave back', () => {
    const forty = (path: string) => ({ path, bytes: bytes(40 * 2 ** 20) });
    const five = ['1', '2', '3', '4', '5'].map((n) => forty(`${n}.bin`));
    const { files, refused } = mergeFiles([], [...five, forty('6.bin')]);
    expect(files).toHaveLength(5);
    expect(refused).toEqual(['6.bin (40.0 MB) would take the project over the 200.0 MB it may hold']);
    expect(mergeFiles(files, [forty('3.bin')]).refused).toEqual([]);
    expect(MAX_PROJECT_BYTES).toBe(200 * 2 ** 20);
  });

  it('stops at 20,000 files', () => {
    const many = Array.from({ length: MAX_PROJECT_FILES }, (_, i) => ({ path: `f${i}.txt`, content: '' }));
    const { files, refused } = mergeFiles(many, [
      { path: 'one-more.txt', content: 'x' },
      { path: 'f1.txt', content: 'replaced' },
    ]);
    expect(files).toHaveLength(MAX_PROJECT_FILES);
    expect(refused).toEqual(['one-more.txt would take the project over the 20,000 files it may hold']);
    expect(files.find((f) => f.path === 'f1.txt')).toEqual({ path: 'f1.txt', content: 'replaced' });
  });
});
