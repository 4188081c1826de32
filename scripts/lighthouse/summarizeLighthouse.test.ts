import { describe, expect, it } from 'vitest';
import { formatLighthouse, summarizeLighthouse, type LighthouseResult } from './summarizeLighthouse.ts';

const audit = (id: string, score: number | null, extra: Partial<LighthouseResult['audits'][string]> = {}) => ({
  id,
  title: `Title of ${id}`,
  score,
  scoreDisplayMode: 'numeric',
  ...extra,
});

const lhr: LighthouseResult = {
  categories: {
    performance: {
      title: 'Performance',
      score: 0.756,
      auditRefs: [
        { id: 'largest-contentful-paint', weight: 25 },
        { id: 'unused-javascript', weight: 0 },
      ],
    },
    accessibility: { title: 'Accessibility', score: 1, auditRefs: [{ id: 'target-size', weight: 7 }] },
    'best-practices': {
      title: 'Best Practices',
      score: 0.96,
      auditRefs: [
        { id: 'errors-in-console', weight: 1 },
        { id: 'notes', weight: 0 },
      ],
    },
    seo: { title: 'SEO', score: null, auditRefs: [] },
  },
  audits: {
    'largest-contentful-paint': audit('largest-contentful-paint', 0.21, { numericValue: 3700, displayValue: '3.7 s' }),
    'unused-javascript': audit('unused-javascript', 0, { displayValue: 'Potential savings of 685 KiB' }),
    'target-size': audit('target-size', 1),
    'errors-in-console': audit('errors-in-console', 0),
    notes: audit('notes', 0, { scoreDisplayMode: 'informative' }),
    'first-contentful-paint': audit('first-contentful-paint', 0.86, { numericValue: 1000 }),
    'total-blocking-time': audit('total-blocking-time', 1, { numericValue: 28.4 }),
  },
};

describe('summarizeLighthouse', () => {
  it('keeps the scores in whole percents, the paint and blocking figures, and the scored audits under 0.9, worst first', () => {
    const summary = summarizeLighthouse(lhr, 'desktop');
    expect(summary.scores).toEqual({ performance: 76, accessibility: 100, 'best-practices': 96, seo: null });
    expect(summary.metrics).toMatchObject({ fcpMs: 1000, lcpMs: 3700, tbtMs: 28.4, cls: null });
    expect(summary.failed.map((f) => [f.category, f.id])).toEqual([
      ['best-practices', 'errors-in-console'],
      ['performance', 'unused-javascript'],
      ['performance', 'largest-contentful-paint'],
    ]);
  });

  it('writes a table with a row per form factor and the failed audits under it', () => {
    const md = formatLighthouse('2026-12-07T00:00:00Z', [
      summarizeLighthouse(lhr, 'desktop'),
      { ...summarizeLighthouse(lhr, 'mobile'), failed: [] },
    ]);
    expect(md).toContain('| desktop | 76 | 100 | 96 | – | 1.0 s | 3.7 s | 28 ms |');
    expect(md).toContain('- performance: Title of unused-javascript (0.00, Potential savings of 685 KiB)');
    expect(md).toMatch(/## mobile: audits under 0.9\n\n- none/);
  });
});
