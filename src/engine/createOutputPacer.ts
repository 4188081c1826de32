import type { OutputChunk } from '../protocol/results.ts';

/** Hands a run's output on at most once per animation frame (see {@link createOutputPacer}). */
export interface OutputPacer {
  /** Output of run `id`: handed on with the next flush (at once, first, when another run's is waiting). */
  push(id: number, chunks: readonly OutputChunk[]): void;
  /** Hands on what is waiting now: before a display, a prompt, a pause or a result, which must come after it. */
  flush(): void;
}

/**
 * A flood of output batches from the frame costs the page one render per animation frame, not one per batch.
 * Where no frame is drawn (a hidden tab, no DOM), every 16 ms instead.
 */
export function createOutputPacer(emit: (chunks: OutputChunk[], id: number) => void): OutputPacer {
  let waiting: { id: number; chunks: OutputChunk[] } | null = null;
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (!waiting) return;
    const { id, chunks } = waiting;
    waiting = null;
    emit(chunks, id);
  };
  const drawsFrames = (): boolean =>
    typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && document.visibilityState === 'visible';
  return {
    push(id, chunks) {
      if (waiting && waiting.id !== id) flush();
      if (waiting) waiting.chunks.push(...chunks);
      else waiting = { id, chunks: [...chunks] };
      if (scheduled) return;
      scheduled = true;
      if (drawsFrames()) requestAnimationFrame(flush);
      else setTimeout(flush, 16);
    },
    flush,
  };
}
