// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { LINK_ATTRIBUTE, neutralizeLinks } from './neutralizeLinks.ts';
import { countSvgInstances, MAX_SVG_INSTANCES, svgProblem } from './countSvgInstances.ts';

function bomb(levels: number, fanout: number): string {
  let svg = '<svg xmlns="http://www.w3.org/2000/svg"><defs><rect id="l0" width="1" height="1"/>';
  for (let i = 1; i <= levels; i++) svg += `<g id="l${i}">${`<use href="#l${i - 1}"/>`.repeat(fanout)}</g>`;
  return `${svg}</defs><use href="#l${levels}"/></svg>`;
}

describe('neutralizeLinks', () => {
  it('keeps a link only as data, and removes what would navigate or submit', () => {
    const { html, problem } = neutralizeLinks(
      '<a href="https://example.org/?q=1" target="_top" ping="https://t.example">x</a><form action="https://evil.example"><button formaction="/api">b</button></form>' +
        '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example">',
    );
    expect(problem).toBeNull();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const a = doc.querySelector('a');
    expect(a?.getAttribute(LINK_ATTRIBUTE)).toBe('https://example.org/?q=1');
    expect(a?.hasAttribute('href')).toBe(false);
    expect(a?.hasAttribute('target')).toBe(false);
    expect(a?.hasAttribute('ping')).toBe(false);
    expect(doc.querySelector('form')?.hasAttribute('action')).toBe(false);
    expect(doc.querySelector('button')?.hasAttribute('formaction')).toBe(false);
    expect(doc.querySelector('base, meta')).toBeNull();
  });

  it('refuses inline SVG whose <use> references multiply into a bomb', () => {
    expect(neutralizeLinks(`<p>x</p>${bomb(7, 10)}`).problem).toMatch(/more than 100,000 shapes/);
    expect(neutralizeLinks(`<p>x</p>${bomb(2, 10)}`).problem).toBeNull();
  });
});

describe('countSvgInstances', () => {
  it('counts <use> copies recursively and stops past the limit', () => {
    const doc = new DOMParser().parseFromString(bomb(3, 10), 'image/svg+xml');
    expect(countSvgInstances(doc.documentElement)).toBeGreaterThan(1000);
    expect(countSvgInstances(new DOMParser().parseFromString(bomb(9, 10), 'image/svg+xml').documentElement)).toBeLessThanOrEqual(
      MAX_SVG_INSTANCES * 2,
    );
    expect(svgProblem(bomb(9, 10))).toMatch(/not drawn/);
    expect(svgProblem('<svg xmlns="http://www.w3.org/2000/svg"><circle r="3"/></svg>')).toBeNull();
  });
});
