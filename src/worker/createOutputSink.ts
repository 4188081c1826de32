import type { OutputChunk, OutputStream } from '../protocol/results.ts';

/** Marker appended once when the output cap is reached. */
export const TRUNCATION_MARKER = '\n[output truncated: the output limit was reached]\n';

/** Collects program output, enforces the output cap and sends it in batches. */
export interface OutputSink {
  /** Adds text written to a stream; sends a batch when one is due. */
  write(stream: OutputStream, text: string): void;
  /** Sends whatever is still buffered. */
  flush(): void;
  /**
   * Counts `chars` of rich output toward the cap. True when they fit (and are now
   * taken); false when they would pass the cap (counted as written, not kept).
   */
  reserve(chars: number): boolean;
  /** Every chunk kept for the result, in order (adjacent same-stream chunks merged). */
  readonly chunks: OutputChunk[];
  /** Characters written by the program, including those dropped past the cap. */
  readonly totalChars: number;
  readonly truncated: boolean;
}

/** Options of {@link createOutputSink}. */
export interface OutputSinkOptions {
  maxChars: number;
  /** Receives each batch. */
  send: (chunks: OutputChunk[]) => void;
  /** Clock in ms; injected for tests. */
  now?: () => number;
  /** Send at most this often while the program writes. */
  intervalMs?: number;
  /** ...or as soon as this many characters are waiting. */
  batchChars?: number;
}

function pushMerged(list: OutputChunk[], stream: OutputStream, text: string): void {
  const last = list[list.length - 1];
  if (last && last.stream === stream) last.text += text;
  else list.push({ stream, text });
}

/**
 * Creates an output sink. Sending is driven by writes (the worker is busy running
 * Python, so there is no timer to rely on): a batch goes out when `intervalMs` has
 * passed since the last one or `batchChars` are waiting.
 */
export function createOutputSink(options: OutputSinkOptions): OutputSink {
  const now = options.now ?? (() => performance.now());
  const intervalMs = options.intervalMs ?? 50;
  const batchChars = options.batchChars ?? 262_144;
  const chunks: OutputChunk[] = [];
  let pending: OutputChunk[] = [];
  let pendingChars = 0;
  let kept = 0;
  let totalChars = 0;
  let truncated = false;
  let lastSent = -Infinity; // the first write goes out at once

  const flush = (): void => {
    if (pending.length === 0) return;
    options.send(pending);
    pending = [];
    pendingChars = 0;
    lastSent = now();
  };

  const keep = (stream: OutputStream, text: string): void => {
    pushMerged(chunks, stream, text);
    pushMerged(pending, stream, text);
    pendingChars += text.length;
  };

  const sink: OutputSink = {
    write(stream, text) {
      if (text.length === 0) return;
      // One huge write goes out in batches, so no message to the page is over its size limit.
      if (text.length > batchChars) {
        for (let i = 0; i < text.length; i += batchChars) sink.write(stream, text.slice(i, i + batchChars));
        return;
      }
      totalChars += text.length;
      if (truncated) return;
      const room = options.maxChars - kept;
      if (text.length <= room) {
        kept += text.length;
        keep(stream, text);
      } else {
        if (room > 0) keep(stream, text.slice(0, room));
        kept = options.maxChars;
        truncated = true;
        keep('stderr', TRUNCATION_MARKER);
        flush();
        return;
      }
      if (pendingChars >= batchChars || now() - lastSent >= intervalMs) flush();
    },
    flush,
    reserve(chars) {
      totalChars += chars;
      if (truncated || kept + chars > options.maxChars) return false;
      kept += chars;
      return true;
    },
    chunks,
    get totalChars() {
      return totalChars;
    },
    get truncated() {
      return truncated;
    },
  };
  return sink;
}
