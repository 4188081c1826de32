import { useDeferredValue, useMemo } from 'react';
import { csvPreview } from './csvPreview.ts';

/** Most columns the table shows (the text beside it has them all). */
const MAX_COLUMNS = 50;

/** A CSV or TSV file's first 1,000 rows as a table, beside its text in the editor. */
export function TableView({ text, path }: { text: string; path: string }) {
  // Typing goes on at full speed; the table follows when the browser has time.
  const deferred = useDeferredValue(text);
  const preview = useMemo(() => csvPreview(deferred, path), [deferred, path]);
  const [head, ...body] = preview.rows;
  const columns = Math.min(MAX_COLUMNS, Math.max(0, ...preview.rows.map((r) => r.length)));
  const cells = (row: string[]) => Array.from({ length: columns }, (_, i) => row[i] ?? '');
  return (
    <section className="table-view" data-testid="file-table" aria-label={`${path} as a table`} data-rows={preview.totalRows}>
      <p className="table-view-facts">
        {Math.max(0, preview.totalRows - 1).toLocaleString('en')} row{preview.totalRows === 2 ? '' : 's'} under the header
        {preview.totalRows > preview.rows.length ? ` (the first ${(preview.rows.length - 1).toLocaleString('en')} shown)` : ''}
        {preview.problem ? ` · ${preview.problem}` : ''}
      </p>
      {head ? (
        <div className="table-view-scroll">
          <table>
            <thead>
              <tr>
                {cells(head).map((c, i) => (
                  <th key={i} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {body.map((row, r) => (
                <tr key={r}>
                  {cells(row).map((c, i) => (
                    <td key={i}>{c}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
