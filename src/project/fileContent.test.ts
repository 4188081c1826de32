import { describe, expect, it } from 'vitest';
import { fileBytes, fileFromBytes, fileSize, sameContent } from './fileContent.ts';
import { formatBytes } from '../format/formatBytes.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('fileFromBytes: text or binary by content, never by name', () => {
  it('keeps UTF-8 text as text, whatever its name', () => {
    expect(fileFromBytes('data.bin', utf8('a,b\n1,2\n'))).toEqual({ path: 'data.bin', content: 'a,b\n1,2\n' });
    expect(fileFromBytes('notes.txt', utf8('héllo ✓'))).toEqual({ path: 'notes.txt', content: 'héllo ✓' });
  });

  it('keeps a byte order mark, so the bytes come back the same', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('x=1\n')]);
    const file = fileFromBytes('bom.py', withBom);
    expect('content' in file).toBe(true);
    expect([...fileBytes(file)]).toEqual([...withBom]);
  });

  it('makes invalid UTF-8 and anything with a NUL byte binary, even when named .py or .csv', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(fileFromBytes('picture.py', png)).toEqual({ path: 'picture.py', bytes: png });
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9]); // "café" in Latin-1
    expect(fileFromBytes('table.csv', latin1)).toEqual({ path: 'table.csv', bytes: latin1 });
    expect('bytes' in fileFromBytes('x.txt', utf8('a\u0000b'))).toBe(true);
  });
});

describe('sizes and comparisons', () => {
  it('measures text in UTF-8 bytes', () => {
    expect(fileSize({ path: 'a', content: 'é' })).toBe(2);
    expect(fileSize({ path: 'b', bytes: new Uint8Array(7) })).toBe(7);
  });

  it('compares content across kinds', () => {
    expect(sameContent({ path: 'a', content: 'hi' }, { path: 'a', bytes: utf8('hi') })).toBe(true);
    expect(sameContent({ path: 'a', bytes: new Uint8Array([1, 2]) }, { path: 'a', bytes: new Uint8Array([1, 3]) })).toBe(false);
  });

  it('writes sizes for people', () => {
    expect(formatBytes(912)).toBe('912 bytes');
    expect(formatBytes(14_540)).toBe('14.2 KB');
    expect(formatBytes(3 * 2 ** 20)).toBe('3.0 MB');
  });
});
