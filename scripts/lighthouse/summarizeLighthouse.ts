/** The parts of a Lighthouse result (LHR) read here. */
export interface LighthouseResult {
  categories: Record<string, { title: string; score: number | null; auditRefs: Array<{ id: string; weight: number }> }>;
  audits: Record<
    string,
    { id: string; title: string; score: number | null; scoreDisplayMode: string; displayValue?: string; numericValue?: number }
  >;
}

/** One audit that did not pass, and where it counts. */
export interface FailedAudit {
  category: string;
  id: string;
  title: string;
  score: number;
  displayValue: string | null;
}

/** One Lighthouse run, as the report keeps it. */
export interface LighthouseSummary {
  formFactor: 'desktop' | 'mobile';
  /** 0-100 per category (null: not scored). */
  scores: Record<string, number | null>;
  metrics: { fcpMs: number | null; lcpMs: number | null; tbtMs: number | null; cls: number | null; speedIndexMs: number | null };
  failed: FailedAudit[];
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** Scores, the paint and blocking figures, and every scored audit under 0.9 (by category, worst first). */
export function summarizeLighthouse(lhr: LighthouseResult, formFactor: 'desktop' | 'mobile'): LighthouseSummary {
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? null;
  const failed: FailedAudit[] = [];
  for (const category of CATEGORIES) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (!a || a.score === null || a.score >= 0.9 || a.scoreDisplayMode === 'informative' || a.scoreDisplayMode === 'notApplicable')
        continue;
      failed.push({ category, id: a.id, title: a.title, score: a.score, displayValue: a.displayValue ?? null });
    }
  }
  failed.sort((x, y) => x.category.localeCompare(y.category) || x.score - y.score);
  return {
    formFactor,
    scores: Object.fromEntries(
      CATEGORIES.map((c) => {
        const score = lhr.categories[c]?.score;
        return [c, typeof score === 'number' ? Math.round(score * 100) : null];
      }),
    ),
    metrics: {
      fcpMs: metric('first-contentful-paint'),
      lcpMs: metric('largest-contentful-paint'),
      tbtMs: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
      speedIndexMs: metric('speed-index'),
    },
    failed,
  };
}

const seconds = (ms: number | null) => (ms === null ? '–' : `${(ms / 1000).toFixed(1)} s`);

/** The Markdown report: a table of scores and figures, then each run's failed audits. */
export function formatLighthouse(at: string, runs: LighthouseSummary[]): string {
  return [
    `# Lighthouse 12 on the served app (${at})`,
    '',
    '| | performance | accessibility | best practices | SEO | first contentful paint | largest contentful paint | total blocking time |',
    '|---|---|---|---|---|---|---|---|',
    ...runs.map(
      (r) =>
        `| ${r.formFactor} | ${CATEGORIES.map((c) => r.scores[c] ?? '–').join(' | ')} | ${seconds(r.metrics.fcpMs)} | ${seconds(r.metrics.lcpMs)} | ${r.metrics.tbtMs === null ? '–' : `${Math.round(r.metrics.tbtMs)} ms`} |`,
    ),
    '',
    ...runs.flatMap((r) => [
      `## ${r.formFactor}: audits under 0.9`,
      '',
      ...(r.failed.length
        ? r.failed.map((f) => `- ${f.category}: ${f.title} (${f.score.toFixed(2)}${f.displayValue ? `, ${f.displayValue}` : ''})`)
        : ['- none']),
      '',
    ]),
  ].join('\n');
}
