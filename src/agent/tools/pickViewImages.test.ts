import { describe, expect, it } from 'vitest';
import type { DisplayData } from '../../protocol/results.ts';
import { MAX_VIEW_IMAGES, MAX_VIEW_IMAGE_CHARS, pickViewImages } from './pickViewImages.ts';

const image = (size: number, mime = 'image/png'): DisplayData => ({
  kind: 'display',
  data: { [mime]: 'A'.repeat(size), 'text/plain': '<Figure>', 'text/html': '<b>x</b>' },
});

describe('pickViewImages', () => {
  it('keeps the images (PNG, JPEG, SVG) with their description, and nothing else', () => {
    const picked = pickViewImages([{ kind: 'result', data: { 'text/html': '<table></table>' } }, image(10), image(20, 'image/svg+xml')]);
    expect(picked).toEqual([
      { kind: 'display', data: { 'image/png': 'A'.repeat(10), 'text/plain': '<Figure>' } },
      { kind: 'display', data: { 'image/svg+xml': 'A'.repeat(20), 'text/plain': '<Figure>' } },
    ]);
  });

  it('stops at the count and size caps', () => {
    expect(pickViewImages(Array.from({ length: MAX_VIEW_IMAGES + 2 }, () => image(10)))).toHaveLength(MAX_VIEW_IMAGES);
    expect(pickViewImages([image(MAX_VIEW_IMAGE_CHARS - 5), image(10)])).toHaveLength(1);
  });
});
