import Papa from 'papaparse';

/** Most rows the table view shows. */
export const TABLE_ROWS = 1000;

/** The first rows of a CSV or TSV text, as cells; how many rows it has in all; the first parse problem, if any. */
export interface CsvPreview {
  rows: string[][];
  totalRows: number;
  problem: string | null;
}

/** Whether a path is a table file the table view shows (CSV or TSV, by its name). */
export function isTablePath(path: string): boolean {
  return /\.(csv|tsv)$/i.test(path);
}

/** Parses `text` with Papa Parse (quotes, embedded newlines, a TSV's tabs), keeping the first {@link TABLE_ROWS} rows. */
export function csvPreview(text: string, path: string): CsvPreview {
  const delimiter = /\.tsv$/i.test(path) ? '\t' : '';
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' });
  const first = parsed.errors.find((e) => e.code !== 'UndetectableDelimiter');
  return {
    rows: parsed.data.slice(0, TABLE_ROWS),
    totalRows: parsed.data.length,
    problem: first ? `Row ${(first.row ?? 0) + 1}: ${first.message}` : null,
  };
}
