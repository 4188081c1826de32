import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeChanges, mergeChanges } from './fileChangesOf.ts';
import { writeBack } from './writeBack.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
let root = '';
let outside = '';
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('mergeChanges', () => {
  it('keeps the last content, tells created from changed, and drops a new file deleted later', () => {
    const merged = mergeChanges(
      [
        {
          written: [
            { path: 'out.json', bytes: bytes('1') },
            { path: 'tmp.txt', bytes: bytes('x') },
            { path: 'data.csv', bytes: bytes('a') },
          ],
          deleted: [],
          skipped: [],
        },
        { written: [{ path: 'out.json', bytes: bytes('22') }], deleted: ['tmp.txt', 'old.txt'], skipped: [] },
      ],
      new Set(['data.csv', 'old.txt', 'main.py']),
    );
    expect(describeChanges(merged)).toEqual(['created out.json (2 bytes)', 'changed data.csv (1 bytes)', 'deleted old.txt']);
  });
});

describe('writeBack', () => {
  it('writes created and changed files into the folder, never outside it, and deletes nothing', async () => {
    root = mkdtempSync(join(tmpdir(), 'executor-writeback-'));
    outside = mkdtempSync(join(tmpdir(), 'executor-outside-'));
    writeFileSync(join(root, 'old.txt'), 'still here');
    mkdirSync(join(root, 'results'));
    symlinkSync(outside, join(root, 'escape'));
    const lines = await writeBack(root, {
      created: [
        { path: 'results/out.json', bytes: bytes('{"a": 1}') },
        { path: 'escape/evil.txt', bytes: bytes('no') },
        { path: 'escape/deeper/evil.txt', bytes: bytes('no') },
        { path: '../evil.txt', bytes: bytes('no') },
      ],
      changed: [],
      deleted: ['old.txt'],
    });
    expect(readFileSync(join(root, 'results/out.json'), 'utf8')).toBe('{"a": 1}');
    expect(existsSync(join(outside, 'evil.txt'))).toBe(false);
    expect(existsSync(join(outside, 'deeper'))).toBe(false);
    expect(existsSync(join(root, '..', 'evil.txt'))).toBe(false);
    expect(readFileSync(join(root, 'old.txt'), 'utf8')).toBe('still here');
    expect(lines).toEqual([
      'wrote back results/out.json',
      `not written back: escape/evil.txt (a symbolic link leads out of ${root})`,
      `not written back: escape/deeper/evil.txt (a symbolic link leads out of ${root})`,
      `not written back: ../evil.txt (it would leave ${root})`,
      'kept old.txt (deleted by the run; --write-back never deletes)',
    ]);
  });
});
