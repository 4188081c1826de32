// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkSameOrigin } from './checkSameOrigin.ts';

const h = (init: Record<string, string>): Headers => new Headers(init);

describe('checkSameOrigin', () => {
  it('allows requests without Origin and same-origin requests', () => {
    expect(checkSameOrigin(h({ host: 'app.example:8080' }), 0)).toBeNull();
    expect(checkSameOrigin(h({ host: 'app.example:8080', origin: 'http://app.example:8080' }), 0)).toBeNull();
    expect(checkSameOrigin(h({ host: 'app.example:443', origin: 'https://APP.example' }), 0)).toBeNull();
  });

  it('refuses Origin: null, other hosts, other ports and cross-site fetches', () => {
    expect(checkSameOrigin(h({ host: 'app.example', origin: 'null' }), 0)).toMatch(/opaque origin/);
    expect(checkSameOrigin(h({ host: 'app.example', origin: 'https://evil.example' }), 0)).toMatch(/different origin/);
    expect(checkSameOrigin(h({ host: 'app.example:8080', origin: 'http://app.example:9090' }), 0)).toMatch(/different origin/);
    expect(checkSameOrigin(h({ host: 'app.example', 'sec-fetch-site': 'cross-site' }), 0)).toMatch(/cross-site/);
  });

  it('believes X-Forwarded-Host only behind a trusted proxy', () => {
    const headers = h({ host: '127.0.0.1:3000', origin: 'https://app.example', 'x-forwarded-host': 'app.example' });
    expect(checkSameOrigin(headers, 0)).not.toBeNull();
    expect(checkSameOrigin(headers, 1)).toBeNull();
  });
});
