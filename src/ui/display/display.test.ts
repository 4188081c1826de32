import { describe, expect, it } from 'vitest';
import { buildSrcdoc, HTML_OUTPUT_CSP } from './buildSrcdoc.ts';
import { decodeBase64 } from './decodeBase64.ts';
import { markdownToHtml } from './markdownToHtml.ts';
import { pickMimeType } from './pickMimeType.ts';

describe('rich output helpers', () => {
  it('picks the richest shown mime type', () => {
    expect(pickMimeType({ kind: 'display', data: { 'text/plain': 'x', 'image/png': 'AA==', 'text/html': '<b>' } })).toBe('text/html');
    expect(pickMimeType({ kind: 'display', data: { 'text/plain': 'x', 'application/x-unknown': '?' } })).toBe('text/plain');
  });

  it('puts the no-fetch CSP before the user HTML', () => {
    const doc = buildSrcdoc('<meta http-equiv="Content-Security-Policy" content="default-src *"><p>hi</p>');
    expect(doc.indexOf(HTML_OUTPUT_CSP)).toBeGreaterThan(0);
    expect(doc.indexOf(HTML_OUTPUT_CSP)).toBeLessThan(doc.indexOf('<p>hi</p>'));
    expect(HTML_OUTPUT_CSP).toContain("default-src 'none'");
    expect(HTML_OUTPUT_CSP).not.toMatch(/script-src|\*/);
  });

  it("colours HTML output for the page's theme, so text stays readable in light and dark", () => {
    expect(buildSrcdoc('<p>x</p>', 'light')).toMatch(/color-scheme: light;[^]*color: #1f2328/);
    expect(buildSrcdoc('<p>x</p>', 'dark')).toMatch(/color-scheme: dark;[^]*color: #e6edf3/);
  });

  it('renders Markdown with everything the user wrote escaped', () => {
    expect(markdownToHtml('# Title\nsome **bold** and `code`\n\n- a\n- <b>')).toBe(
      '<h1>Title</h1>\n<p>some <strong>bold</strong> and <code>code</code></p>\n<ul><li>a</li><li>&lt;b&gt;</li></ul>',
    );
    expect(markdownToHtml('<script>x</script> [l](javascript:alert(1))')).toBe(
      '<p>&lt;script&gt;x&lt;/script&gt; [l](javascript:alert(1))</p>',
    );
  });

  it('decodes base64 and refuses what is not', () => {
    expect([...(decodeBase64('AQID') ?? [])]).toEqual([1, 2, 3]);
    expect(decodeBase64('not base64!')).toBeNull();
  });
});
