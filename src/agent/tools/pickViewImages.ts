import type { DisplayData } from '../../protocol/results.ts';

/** Most images a tool card shows, and their total size (base64 characters). */
export const MAX_VIEW_IMAGES = 4;
export const MAX_VIEW_IMAGE_CHARS = 2_000_000;

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'];

/**
 * The images a run produced, for its tool card to show (never sent to the model, which is told
 * their type and size instead): the first {@link MAX_VIEW_IMAGES}, within {@link MAX_VIEW_IMAGE_CHARS} in all.
 */
export function pickViewImages(displays: DisplayData[]): DisplayData[] {
  const picked: DisplayData[] = [];
  let size = 0;
  for (const d of displays) {
    const mime = IMAGE_TYPES.find((t) => typeof d.data[t] === 'string');
    if (!mime) continue;
    const payload = d.data[mime] ?? '';
    if (picked.length >= MAX_VIEW_IMAGES || size + payload.length > MAX_VIEW_IMAGE_CHARS) break;
    size += payload.length;
    picked.push({ ...d, data: { [mime]: payload, ...(d.data['text/plain'] ? { 'text/plain': d.data['text/plain'] } : {}) } });
  }
  return picked;
}
