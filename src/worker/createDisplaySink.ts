import { DISPLAY_OVERHEAD_CHARS, MAX_DISPLAY_CHARS, MAX_DISPLAYS_PER_RUN, type DisplayData } from '../protocol/results.ts';
import type { OutputSink } from './createOutputSink.ts';

/** Receives rich outputs from Python and sends them on, in order with the text output. */
export interface DisplaySink {
  /** Called by Python's publisher with a mime bundle as JSON and its kind. */
  publish: (json: string, kind: string) => void;
  /** Every display sent, in order. */
  readonly displays: DisplayData[];
  /** True when a display was replaced by a note because it did not fit. */
  readonly dropped: boolean;
}

function sizeText(chars: number): string {
  return chars >= 1_000_000 ? `${(chars / 1_000_000).toFixed(1)} MB` : `${(chars / 1000).toFixed(1)} KB`;
}

/** The bundle's mime type shown to the user (the richest one). */
export function mainMimeType(data: Record<string, string>): string {
  return Object.keys(data).find((m) => m !== 'text/plain') ?? 'text/plain';
}

function parseBundle(json: string): Record<string, string> | null {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const entries = Object.entries(value);
    if (!entries.every(([, v]) => typeof v === 'string')) return null;
    return Object.fromEntries(entries);
  } catch {
    return null;
  }
}

/**
 * Creates the sink for one run's rich outputs. Each counts toward the output cap
 * by its size (all its mime types' characters; images as base64) plus a fixed overhead.
 * One that is too large on its own, or would pass the cap, is replaced by a note that
 * says so; past {@link MAX_DISPLAYS_PER_RUN}, one note says the rest were not shown.
 */
export function createDisplaySink(options: {
  sink: OutputSink;
  maxOutputChars: number;
  send: (display: DisplayData) => void;
  maxDisplayChars?: number;
  maxDisplays?: number;
}): DisplaySink {
  const maxDisplayChars = options.maxDisplayChars ?? MAX_DISPLAY_CHARS;
  const maxDisplays = options.maxDisplays ?? MAX_DISPLAYS_PER_RUN;
  const displays: DisplayData[] = [];
  let dropped = false;
  let published = 0;
  return {
    publish(json, kind) {
      published += 1;
      if (published > maxDisplays) {
        dropped = true;
        options.sink.reserve(DISPLAY_OVERHEAD_CHARS);
        if (published === maxDisplays + 1) {
          options.sink.write(
            'stderr',
            `[More rich outputs not shown: a run shows at most ${maxDisplays}. Show fewer (one table or figure instead of many), or save them to files.]\n`,
          );
        }
        return;
      }
      let data = parseBundle(json);
      if (!data) return;
      const size = Object.values(data).reduce((n, v) => n + v.length, 0) + DISPLAY_OVERHEAD_CHARS;
      const what = `${mainMimeType(data)} output of ${sizeText(size)}`;
      if (size > maxDisplayChars) {
        dropped = true;
        options.sink.reserve(size); // counted as written, like dropped text
        data = {
          'text/plain': `[${what} not shown: a single rich output may be at most ${sizeText(maxDisplayChars)}. Make it smaller, or save it to a file.]`,
        };
      } else if (!options.sink.reserve(size)) {
        dropped = true;
        data = {
          'text/plain': `[${what} not shown: it would pass the output limit of ${options.maxOutputChars.toLocaleString('en-US')} characters. Raise the output limit in Settings to see it.]`,
        };
      }
      const display: DisplayData = { kind: kind === 'result' ? 'result' : 'display', data };
      options.sink.flush(); // text written before it shows before it
      displays.push(display);
      options.send(display);
    },
    displays,
    get dropped() {
      return dropped;
    },
  };
}
