/**
 * The policy inside every HTML output's frame: nothing may be fetched or run;
 * only inline styles and data:/blob: images. The frame is sandboxed without
 * allow-scripts as well, and inherits the page's own CSP; this only narrows it.
 */
export const HTML_OUTPUT_CSP = "default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'; font-src data:";

/** Text, border and stripe colours of HTML outputs, per theme (the frame cannot inherit the page's). */
const PALETTES = {
  dark: { scheme: 'dark', text: '#e6edf3', border: '#30363d', head: '#161b22', stripe: '#11161d', link: '#58a6ff' },
  light: { scheme: 'light', text: '#1f2328', border: '#d0d7de', head: '#f6f8fa', stripe: '#f6f8fa', link: '#0969da' },
} as const;

function baseStyle(theme: 'light' | 'dark'): string {
  const p = PALETTES[theme];
  return `
:root { color-scheme: ${p.scheme}; }
html, body { margin: 0; background: transparent; color: ${p.text}; font: 13px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
body { padding: 2px 0; overflow-x: auto; overflow-y: hidden; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid ${p.border}; padding: 3px 8px; text-align: right; }
th { background: ${p.head}; font-weight: 600; }
tbody tr:nth-child(even) { background: ${p.stripe}; }
a, [data-executor-href] { color: ${p.link}; text-decoration: underline; cursor: pointer; }
pre, code { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; }
img, svg { max-width: 100%; height: auto; }
`;
}

/** The document of a sandboxed HTML output frame: the strict CSP first, then base styles, then the user's HTML. */
export function buildSrcdoc(userHtml: string, theme: 'light' | 'dark' = 'dark'): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${HTML_OUTPUT_CSP}">` +
    `<style>${baseStyle(theme)}</style></head><body>${userHtml}</body></html>`
  );
}
