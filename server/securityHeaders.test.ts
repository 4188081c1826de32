import { CspEvaluator } from 'csp_evaluator/dist/evaluator.js';
import { Severity } from 'csp_evaluator/dist/finding.js';
import { CspParser } from 'csp_evaluator/dist/parser.js';
import { describe, expect, it } from 'vitest';
import { frameHeaders, pageHeaders, type Headers } from './securityHeaders.ts';
import { TRUSTED_TYPES_POLICIES } from '../src/protocol/trustedTypesPolicies.ts';

/**
 * The OWASP Secure Headers Project's recommended response headers (its `ci/headers_add.json`), each with what
 * Executor sends instead where it differs, and why. A recommendation with no deviation must be sent as it is.
 */
const OWASP: Record<string, { value: string; deviation?: string }> = {
  'Cache-Control': {
    value: 'no-store, max-age=0',
    deviation: 'Pyodide and the built app are cached on purpose (immutable, versioned); the documents are no-cache',
  },
  'Clear-Site-Data': {
    value: '"cache","cookies","storage"',
    deviation: 'sent at logout; Executor has no accounts, and it would erase sessions',
  },
  'Content-Security-Policy': {
    value: "default-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'; upgrade-insecure-requests",
    deviation:
      'stricter where it matters (checked below and by csp_evaluator); no upgrade-insecure-requests, which breaks http://127.0.0.1',
  },
  'Cross-Origin-Embedder-Policy': { value: 'require-corp' },
  'Cross-Origin-Opener-Policy': { value: 'same-origin' },
  'Cross-Origin-Resource-Policy': { value: 'same-origin' },
  'Permissions-Policy': {
    value: 'accelerometer=(), camera=(), geolocation=(), microphone=(), usb=(), …',
    deviation:
      'every feature OWASP denies, except cross-origin-isolated (the sandbox needs it), the page’s clipboard (Copy buttons, the editor’s Paste), interest-cohort (gone from browsers) and web-share (unknown to Debian’s Chromium: a console error)',
  },
  'Referrer-Policy': { value: 'no-referrer' },
  'Strict-Transport-Security': {
    value: 'max-age=31536000; includeSubDomains',
    deviation: "without includeSubDomains: the deployment's other subdomains are not Executor's to decide",
  },
  'X-Content-Type-Options': { value: 'nosniff' },
  'X-Frame-Options': { value: 'DENY' },
  'X-Permitted-Cross-Domain-Policies': { value: 'none' },
};

/** OWASP's Permissions-Policy denials (headers_add.json). */
const OWASP_DENIED = [
  'accelerometer',
  'autoplay',
  'camera',
  'cross-origin-isolated',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'keyboard-map',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'sync-xhr',
  'usb',
  'web-share',
  'xr-spatial-tracking',
  'clipboard-read',
  'clipboard-write',
  'gamepad',
  'hid',
  'idle-detection',
  'interest-cohort',
  'serial',
  'unload',
];
const KEPT = {
  'cross-origin-isolated': 'default',
  'interest-cohort': 'absent',
  'web-share': 'absent',
  'clipboard-write': '(self)',
} as Record<string, string>;

const denials = (policy = '') => new Map(policy.split(',').map((p) => p.trim().split('=') as [string, string]));
const directive = (csp: string, name: string) => new RegExp(`(?:^|; )${name} ([^;]*)`).exec(csp)?.[1] ?? null;

describe('security headers', () => {
  const page = pageHeaders({ packageSources: ['https://cdn.jsdelivr.net/pyodide/v314.0.7/full/', 'https://pypi.org'] });

  it('follow the OWASP secure headers recommendations, or say why not', () => {
    for (const [name, { value, deviation }] of Object.entries(OWASP)) {
      if (deviation) continue;
      expect(page[name]?.toLowerCase(), name).toBe(value.toLowerCase());
    }
    expect(page['Strict-Transport-Security']).toBe('max-age=31536000');
    const csp = page['Content-Security-Policy'] ?? '';
    expect(directive(csp, 'object-src')).toBe("'none'");
    expect(directive(csp, 'frame-ancestors')).toBe("'none'");
    expect(directive(csp, 'base-uri')).toBe("'none'");
    expect(directive(csp, 'form-action')).toBe("'self'");
    // Trusted Types: script sinks take only what a named policy made; the policies are Executor's, Monaco's, DOMPurify's.
    expect(directive(csp, 'require-trusted-types-for')).toBe("'script'");
    expect(directive(csp, 'trusted-types')?.split(' ')).toEqual([...TRUSTED_TYPES_POLICIES, "'allow-duplicates'"]);
    // Nothing the OWASP project lists for removal (Server, X-Powered-By, ...) is sent.
    for (const headers of [page, frameHeaders('http://127.0.0.1:8080')]) {
      expect(Object.keys(headers).filter((h) => /^(server|x-powered-by|x-aspnet-version|x-aspnetmvc-version)$/i.test(h))).toEqual([]);
    }
  });

  it('deny every powerful feature OWASP denies, to the page and the frame, but what Executor needs', () => {
    for (const [headers, clipboard] of [
      [page, '(self)'],
      [frameHeaders('https://executor.example'), '()'],
    ] as Array<[Headers, string]>) {
      const policy = denials(headers['Permissions-Policy']);
      for (const feature of OWASP_DENIED) {
        const kept = feature.startsWith('clipboard-') ? clipboard : KEPT[feature];
        if (kept === 'default' || kept === 'absent') expect(policy.has(feature), feature).toBe(false);
        else expect(policy.get(feature), feature).toBe(kept ?? '()');
      }
    }
  });

  it("have CSPs in which Google's csp_evaluator finds nothing of high severity", () => {
    for (const origin of ['https://executor.example', 'http://127.0.0.1:8080']) {
      for (const csp of [page['Content-Security-Policy'], frameHeaders(origin)['Content-Security-Policy']]) {
        const findings = new CspEvaluator(new CspParser(csp ?? '').csp).evaluate();
        // Served over https, not even a medium finding; on http://127.0.0.1 only "allow only HTTPS" ones (medium).
        const high = [Severity.HIGH, Severity.SYNTAX, Severity.HIGH_MAYBE];
        const serious = findings.filter(
          (f) => high.includes(f.severity) || (origin.startsWith('https:') && f.severity === Severity.MEDIUM),
        );
        expect(
          serious.map((f) => `${f.directive}: ${f.description}`),
          csp,
        ).toEqual([]);
      }
    }
  });
});
