import { useEffect, useRef } from 'react';
import { buildSrcdoc } from './buildSrcdoc.ts';

/** Tallest an HTML output grows before it scrolls inside its frame. */
const MAX_HEIGHT_PX = 640;

/**
 * Untrusted HTML, shown in a frame that cannot run it: `sandbox="allow-same-origin"`
 * WITHOUT `allow-scripts`, so no script, inline handler or `javascript:` URL in it
 * runs; no forms, popups or top navigation either, and its CSP allows no fetches.
 * `allow-same-origin` is granted only so this page can read the frame's document to
 * size it to its content (with scripts off, nothing in the frame can use it).
 */
export function HtmlFrame({ html, title }: { html: string; title: string }) {
  const frame = useRef<HTMLIFrameElement>(null);

  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const fit = () => {
      const doc = el.contentDocument;
      if (!doc?.documentElement) return;
      const height = Math.min(doc.documentElement.scrollHeight, MAX_HEIGHT_PX);
      el.style.height = `${Math.max(height, 16)}px`;
      if (doc.body) doc.body.style.overflowY = doc.documentElement.scrollHeight > MAX_HEIGHT_PX ? 'auto' : 'hidden';
    };
    el.addEventListener('load', fit);
    // A narrower console reflows the content: measure again.
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    fit();
    return () => {
      el.removeEventListener('load', fit);
      observer.disconnect();
    };
  }, [html]);

  return (
    <iframe
      ref={frame}
      className="display-html"
      data-testid="display-html"
      sandbox="allow-same-origin"
      referrerPolicy="no-referrer"
      title={title}
      srcDoc={buildSrcdoc(html)}
    />
  );
}
