import type { DisplayData } from '../protocol/results.ts';

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;

function pngSize(base64: string): string | null {
  // Width and height are big-endian 32-bit integers at bytes 16..24 of a PNG (the IHDR chunk).
  try {
    const head = atob(base64.slice(0, 32));
    if (head.slice(1, 4) !== 'PNG') return null;
    const int = (at: number) =>
      ((head.charCodeAt(at) << 24) | (head.charCodeAt(at + 1) << 16) | (head.charCodeAt(at + 2) << 8) | head.charCodeAt(at + 3)) >>> 0;
    return `${int(16)}×${int(20)}`;
  } catch {
    return null;
  }
}

function kb(chars: number, base64: boolean): string {
  return `${((base64 ? (chars * 3) / 4 : chars) / 1024).toFixed(1)} KB`;
}

/**
 * One line per rich output, for a reader that cannot see them (the agent's model):
 * "image/png 640×480, 23.4 KB", "HTML table/markup, 2.1 KB". Empty when there are none.
 */
export function describeDisplays(displays: readonly DisplayData[]): string[] {
  return displays.map((d) => {
    const image = IMAGE_TYPES.find((m) => d.data[m] !== undefined);
    if (image) {
      const payload = d.data[image] ?? '';
      const size = image === 'image/png' ? pngSize(payload) : null;
      return `image produced: ${image}${size ? ` ${size}` : ''}, ${kb(payload.length, image !== 'image/svg+xml')}`;
    }
    const rich = Object.keys(d.data).find((m) => m !== 'text/plain');
    const plain = d.data['text/plain'] ?? '';
    return rich ? `${rich} output (${kb(d.data[rich]?.length ?? 0, false)}): ${plain.slice(0, 200)}` : plain.slice(0, 200);
  });
}
