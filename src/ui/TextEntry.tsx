import { memo, useMemo, type CSSProperties } from 'react';
import type { ConsoleEntry } from '../store/types.ts';
import { SCROLLED_MARKER } from '../store/createOutputSlice.ts';
import { CHUNK_CHARS, textChunks } from './textChunks.ts';

/**
 * One block of text output. A long block is cut into chunks the browser lays out and paints only
 * near the view (`content-visibility: auto`), so a flood of output costs the page the last chunk's
 * layout per frame, not the whole block's; the text stays in the page (find, copy, screen readers).
 */
export const TextEntry = memo(function TextEntry({ entry, inline }: { entry: ConsoleEntry; inline: boolean }) {
  const chunks = useMemo(
    () =>
      entry.text.length > CHUNK_CHARS
        ? textChunks(entry.text, entry.dropped ?? 0, entry.text.startsWith(SCROLLED_MARKER) ? SCROLLED_MARKER.length : 0)
        : null,
    [entry.text, entry.dropped],
  );
  return (
    <pre className={`entry entry-${entry.kind}${inline ? ' entry-inline' : ''}`} data-kind={entry.kind}>
      {chunks
        ? chunks.map((c) => (
            <span key={c.key} className="entry-chunk" style={{ '--lines': c.lines } as CSSProperties}>
              {c.text}
            </span>
          ))
        : entry.text}
    </pre>
  );
});
