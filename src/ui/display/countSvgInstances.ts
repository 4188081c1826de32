import { outputHtml } from '../trustedTypes.ts';

/** Most shapes an SVG output may draw (elements, with every `<use>` expanded); a plot has a few thousand. */
export const MAX_SVG_INSTANCES = 100_000;

const XLINK = 'http://www.w3.org/1999/xlink';

/**
 * How many elements drawing the SVGs in `root` would produce, with each `<use>` counted as a copy of
 * what it references (recursively, memoized): a 1 KB "use bomb" expands to millions. Stops counting
 * past `limit`, so a bomb costs no more to measure than a normal image.
 */
export function countSvgInstances(root: Element, limit = MAX_SVG_INSTANCES): number {
  const doc = root.ownerDocument;
  const memo = new Map<Element, number>();
  const visiting = new Set<Element>();
  const count = (el: Element): number => {
    const known = memo.get(el);
    if (known !== undefined) return known;
    if (visiting.has(el)) return limit + 1; // a reference cycle
    visiting.add(el);
    let n = 1;
    if (el.localName === 'use') {
      const ref = el.getAttribute('href') ?? el.getAttributeNS(XLINK, 'href');
      const target = ref?.startsWith('#') ? doc.getElementById(ref.slice(1)) : null;
      if (target) n += count(target);
    }
    for (const child of el.children) {
      if (n > limit) break;
      n += count(child);
    }
    visiting.delete(el);
    memo.set(el, n);
    return n;
  };
  return count(root);
}

/** Null when the SVG text is safe to draw, else why not (a note for the user). */
export function svgProblem(svg: string): string | null {
  const doc = new DOMParser().parseFromString(outputHtml(svg), 'image/svg+xml');
  if (doc.querySelector('parsererror')) return null; // the browser shows nothing for it anyway
  return bombProblem(doc.documentElement);
}

/** Null when the SVGs under `root` are safe to draw, else why not. */
export function bombProblem(root: Element): string | null {
  const n = countSvgInstances(root);
  return n > MAX_SVG_INSTANCES
    ? `This SVG would draw more than ${MAX_SVG_INSTANCES.toLocaleString('en-US')} shapes (its <use> references multiply), so it was not drawn. Download it to look at it elsewhere.`
    : null;
}
