/** Characters per chunk of a long output block: the console lays out and paints only the chunks in view. */
export const CHUNK_CHARS = 4096;

/** One piece of a long block, cut after a newline; `key` stays the same while the block grows or scrolls away at its start. */
export interface TextChunk {
  key: number;
  text: string;
  lines: number;
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < text.length - 1; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
}

/**
 * Cuts a block's text into chunks at the first newline after every multiple of {@link CHUNK_CHARS},
 * counted from the block's true start (`dropped` characters, plus a `markerLength` prefix, are gone),
 * so appending changes only the last chunk and scrolling away only the first: React re-renders
 * those two, and the rest keep their DOM.
 */
export function textChunks(text: string, dropped = 0, markerLength = 0): TextChunk[] {
  const chunks: TextChunk[] = [];
  let pos = 0;
  // Index (in `text`) of the k-th boundary.
  const boundary = (k: number) => k * CHUNK_CHARS - dropped + markerLength;
  let k = Math.floor(dropped / CHUNK_CHARS) + 1;
  while (pos < text.length) {
    while (boundary(k) <= pos) k += 1;
    const at = boundary(k) >= text.length ? -1 : text.indexOf('\n', boundary(k) - 1);
    const end = at === -1 ? text.length : at + 1;
    const piece = text.slice(pos, end);
    chunks.push({ key: k - 1, text: piece, lines: countLines(piece) });
    pos = end;
  }
  return chunks;
}
