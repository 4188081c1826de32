import type { DisplayData } from '../../protocol/results.ts';

/** Mime types the console can show, richest first (Jupyter's order). */
export const SHOWN_MIME_TYPES = [
  'text/html',
  'text/markdown',
  'image/svg+xml',
  'image/png',
  'image/jpeg',
  'application/json',
  'text/plain',
] as const;

/** A mime type the console can show. */
export type ShownMimeType = (typeof SHOWN_MIME_TYPES)[number];

/** The richest mime type of a bundle that the console can show. */
export function pickMimeType(display: DisplayData): ShownMimeType {
  return SHOWN_MIME_TYPES.find((m) => display.data[m] !== undefined) ?? 'text/plain';
}
