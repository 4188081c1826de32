import { bombProblem } from './countSvgInstances.ts';
import { outputHtml } from '../trustedTypes.ts';

/** Attribute that keeps a link's target once its `href` is taken away. */
export const LINK_ATTRIBUTE = 'data-executor-href';

const LINKS = 'a[href], area[href]';
// Everything else that could make the output's frame navigate or send a request when clicked.
const NAVIGATING_ATTRIBUTES = ['action', 'formaction', 'target', 'formtarget', 'ping', 'xlink:href'];

/**
 * Rewrites untrusted output HTML so that nothing in it can navigate its frame: links keep
 * their target in {@link LINK_ATTRIBUTE} instead of `href` (the page offers to open them,
 * see HtmlFrame), SVG links lose theirs, forms lose where they would submit to, and
 * `<base>` and `<meta http-equiv>` (refresh) are removed. Parsed with DOMParser, which
 * neither runs nor loads anything. Inline SVG whose `<use>` references would multiply into a
 * bomb is not shown at all: `problem` says why.
 */
export function neutralizeLinks(html: string): { html: string; problem: string | null } {
  const doc = new DOMParser().parseFromString(outputHtml(`<!doctype html><body>${html}`), 'text/html');
  if (doc.querySelector('svg use')) {
    const problem = bombProblem(doc.body);
    if (problem) return { html: '', problem };
  }
  for (const el of doc.querySelectorAll('base, meta[http-equiv]')) el.remove();
  for (const el of doc.querySelectorAll(LINKS)) {
    el.setAttribute(LINK_ATTRIBUTE, el.getAttribute('href') ?? '');
    el.removeAttribute('href');
  }
  for (const name of NAVIGATING_ATTRIBUTES) {
    for (const el of doc.querySelectorAll(`[${CSS.escape(name)}]`)) el.removeAttribute(name);
  }
  // SVG links carry their target namespaced; querySelector cannot name that attribute.
  for (const el of doc.querySelectorAll('svg a')) {
    el.removeAttributeNS('http://www.w3.org/1999/xlink', 'href');
    if (el.hasAttribute('href')) el.removeAttribute('href');
  }
  return { html: doc.body.innerHTML, problem: null };
}
