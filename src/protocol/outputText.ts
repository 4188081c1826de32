import type { OutputChunk, OutputStream } from './results.ts';

/** Merges neighbouring chunks of the same stream, keeping the order of writes. */
export function mergeChunks(chunks: readonly OutputChunk[]): OutputChunk[] {
  const out: OutputChunk[] = [];
  for (const c of chunks) {
    const last = out[out.length - 1];
    if (last && last.stream === c.stream) last.text += c.text;
    else out.push({ ...c });
  }
  return out;
}

/** All text written to one stream. */
export function textOf(chunks: readonly OutputChunk[], stream: OutputStream): string {
  return chunks
    .filter((c) => c.stream === stream)
    .map((c) => c.text)
    .join('');
}
