import { useEffect, useState } from 'react';
import { decodeBase64 } from './decodeBase64.ts';

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/svg+xml': 'svg' };

/**
 * An image output as a blob: URL (PNG and JPEG from base64; SVG from text, which an
 * <img> shows without running its scripts or loading anything), with a download button.
 */
export function ImageView({ mime, payload, title, index }: { mime: string; payload: string; title: string; index: number }) {
  const [url, setUrl] = useState<string | null>(null);
  const [broken, setBroken] = useState(false);

  useEffect(() => {
    const bytes = mime === 'image/svg+xml' ? new TextEncoder().encode(payload) : decodeBase64(payload);
    if (!bytes) {
      setBroken(true);
      return;
    }
    const next = URL.createObjectURL(new Blob([bytes], { type: mime }));
    setUrl(next);
    setBroken(false);
    return () => URL.revokeObjectURL(next);
  }, [mime, payload]);

  if (broken) return <p className="entry entry-notice">[This {mime} image could not be decoded: its data is not valid base64.]</p>;
  if (!url) return null;
  const name = `output-${index}.${EXTENSIONS[mime] ?? 'bin'}`;
  return (
    <figure className="display-image">
      <img data-testid="display-image" src={url} alt={title} onError={() => setBroken(true)} />
      <a className="btn btn-small display-download" data-testid="display-download" href={url} download={name}>
        Download {EXTENSIONS[mime]?.toUpperCase() ?? 'image'}
      </a>
    </figure>
  );
}
