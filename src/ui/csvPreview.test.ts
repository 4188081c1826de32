import { describe, expect, it } from 'vitest';
import { csvPreview, isTablePath, TABLE_ROWS } from './csvPreview.ts';

describe('csvPreview', () => {
  it('reads quoted cells with commas and newlines, and a TSV by its tabs', () => {
    expect(csvPreview('name,note\n"Ada","says ""hi"", twice"\n"Bob","two\nlines"\n', 'people.csv').rows).toEqual([
      ['name', 'note'],
      ['Ada', 'says "hi", twice'],
      ['Bob', 'two\nlines'],
    ]);
    expect(csvPreview('a\tb,c\n1\t2,3\n', 'data.tsv').rows).toEqual([
      ['a', 'b,c'],
      ['1', '2,3'],
    ]);
  });

  it('keeps the first 1,000 rows and counts them all', () => {
    const text = Array.from({ length: 2500 }, (_, i) => `${i},${i * i}`).join('\n');
    const preview = csvPreview(text, 'squares.csv');
    expect(preview.rows).toHaveLength(TABLE_ROWS);
    expect(preview.totalRows).toBe(2500);
    expect(preview.rows[999]).toEqual(['999', '998001']);
  });

  it('names the first problem, and knows table files by name', () => {
    expect(csvPreview('a,b\n"unclosed,1\n', 'bad.csv').problem).toMatch(/^Row \d+: /);
    expect(isTablePath('data/Report.CSV')).toBe(true);
    expect(isTablePath('notes.txt')).toBe(false);
  });
});
