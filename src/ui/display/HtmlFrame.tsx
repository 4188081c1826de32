import { useEffect, useMemo, useRef, useState } from 'react';
import { buildSrcdoc } from './buildSrcdoc.ts';
import { LINK_ATTRIBUTE, neutralizeLinks } from './neutralizeLinks.ts';
import { LinkOffer } from './LinkOffer.tsx';
import { useEffectiveTheme } from '../useEffectiveTheme.ts';
import { outputHtml } from '../trustedTypes.ts';

/** Tallest an HTML output grows before it scrolls inside its frame. */
const MAX_HEIGHT_PX = 640;

/**
 * Untrusted HTML, shown in a frame that cannot run it: `sandbox="allow-same-origin"`
 * WITHOUT `allow-scripts`, so no script, inline handler or `javascript:` URL in it
 * runs; no forms, popups or top navigation either, and its CSP allows no fetches.
 * `allow-same-origin` is granted only so this page can read the frame's document to
 * size it to its content (with scripts off, nothing in the frame can use it).
 * Links cannot navigate the frame (see neutralizeLinks): a click on one shows its URL,
 * and an http(s) link opens only when the user chooses to, in a new `noopener` tab.
 */
export function HtmlFrame({ html, title }: { html: string; title: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [link, setLink] = useState<string | null>(null);
  const prepared = useMemo(() => neutralizeLinks(html), [html]);
  const theme = useEffectiveTheme();
  const srcDoc = useMemo(() => buildSrcdoc(prepared.html, theme), [prepared, theme]);

  // Set here, not as a prop: under Trusted Types the srcdoc must be a TrustedHTML, which React would turn into a string.
  useEffect(() => {
    if (frame.current) frame.current.srcdoc = outputHtml(srcDoc);
  }, [srcDoc]);

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
    const click = (event: MouseEvent) => {
      // The target belongs to the frame's realm, where `instanceof Element` (this page's) is false.
      const target = (event.target as Element | null)?.closest?.(`[${LINK_ATTRIBUTE}]`);
      if (!target) return;
      event.preventDefault();
      const href = target.getAttribute(LINK_ATTRIBUTE) ?? '';
      if (href.startsWith('#')) target.ownerDocument.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView();
      else setLink(href);
    };
    const load = () => {
      fit();
      el.contentDocument?.addEventListener('click', click, true);
    };
    el.addEventListener('load', load);
    // A narrower console reflows the content: measure again.
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    load();
    return () => {
      el.removeEventListener('load', load);
      el.contentDocument?.removeEventListener('click', click, true);
      observer.disconnect();
    };
  }, [html]);

  if (prepared.problem) {
    return (
      <p className="entry entry-notice" data-testid="display-refused">
        [{prepared.problem}]
      </p>
    );
  }
  return (
    <>
      <iframe
        ref={frame}
        className="display-html"
        data-testid="display-html"
        sandbox="allow-same-origin"
        referrerPolicy="no-referrer"
        title={title}
      />
      {link !== null && <LinkOffer href={link} onClose={() => setLink(null)} />}
    </>
  );
}
