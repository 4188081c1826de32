import { describe, expect, it } from 'vitest';
import { CHUNK_CHARS, textChunks } from './textChunks.ts';

const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `line ${from + i}\n`).join('');

describe('textChunks', () => {
  it('keeps a short block whole', () => {
    expect(textChunks('a\nb\n')).toEqual([{ key: 0, text: 'a\nb\n', lines: 2 }]);
  });

  it('cuts a long block after newlines, losing and adding nothing', () => {
    const text = lines(0, 20_000);
    const chunks = textChunks(text);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.map((c) => c.text).join('')).toBe(text);
    for (const c of chunks.slice(0, -1)) expect(c.text.endsWith('\n')).toBe(true);
    expect(chunks.every((c) => c.text.length <= CHUNK_CHARS + 20)).toBe(true);
  });

  it('changes only the last chunk when the block grows, and only the first when its start scrolls away', () => {
    const text = lines(0, 20_000);
    const before = textChunks(text);
    const grown = textChunks(text + lines(20_000, 20_010));
    expect(grown.slice(0, before.length - 1)).toEqual(before.slice(0, -1));
    const marker = '[scrolled]\n';
    const cut = 5_000;
    const trimmed = textChunks(marker + text.slice(cut), cut, marker.length);
    expect(trimmed.map((c) => c.text).join('')).toBe(marker + text.slice(cut));
    const sameKeys = trimmed.slice(1).map((c) => c.key);
    expect(sameKeys.map((k) => trimmed.find((c) => c.key === k)?.text)).toEqual(sameKeys.map((k) => before.find((c) => c.key === k)?.text));
  });
});
