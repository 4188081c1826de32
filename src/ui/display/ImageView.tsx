import { useEffect, useMemo, useState } from 'react';
import { decodeBase64 } from './decodeBase64.ts';
import { svgProblem } from './countSvgInstances.ts';

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/svg+xml': 'svg' };

/**
 * An image output as a blob: URL (PNG and JPEG from base64; SVG from text, which an
 * <img> shows without running its scripts or loading anything), with a download button.
 */
export function ImageView({ mime, payload, title, index }: { mime: string; payload: string; title: string; index: number }) {
  const bytes = useMemo(() => (mime === 'image/svg+xml' ? new TextEncoder().encode(payload) : decodeBase64(payload)), [mime, payload]);
  const problem = useMemo(() => (mime === 'image/svg+xml' ? svgProblem(payload) : null), [mime, payload]);
  const [url, setUrl] = useState<string | null>(null);
  // The browser refused to show the bytes (kept with the url it refused).
  const [refused, setRefused] = useState<string | null>(null);

  useEffect(() => {
    if (!bytes) return;
    const next = URL.createObjectURL(new Blob([bytes], { type: mime }));
    // The object URL is a resource outside React: made and revoked with this effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [mime, bytes]);

  if (!bytes || (url !== null && refused === url))
    return <p className="entry entry-notice">[This {mime} image could not be decoded: its data is not valid base64.]</p>;
  if (!url) return null;
  const name = `output-${index}.${EXTENSIONS[mime] ?? 'bin'}`;
  if (problem) {
    return (
      <figure className="display-image">
        <p className="entry entry-notice" data-testid="display-refused">
          [{problem}]
        </p>
        <a className="btn btn-small display-download" data-testid="display-download" href={url} download={name}>
          Download SVG
        </a>
      </figure>
    );
  }
  return (
    <figure className="display-image">
      <img data-testid="display-image" src={url} alt={title} onError={() => setRefused(url)} />
      <a className="btn btn-small display-download" data-testid="display-download" href={url} download={name}>
        Download {EXTENSIONS[mime]?.toUpperCase() ?? 'image'}
      </a>
    </figure>
  );
}
