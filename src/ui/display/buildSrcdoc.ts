/**
 * The policy inside every HTML output's frame: nothing may be fetched or run;
 * only inline styles and data:/blob: images. The frame is sandboxed without
 * allow-scripts as well, and inherits the page's own CSP; this only narrows it.
 */
export const HTML_OUTPUT_CSP = "default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'; font-src data:";

const BASE_STYLE = `
:root { color-scheme: dark; }
html, body { margin: 0; background: transparent; color: #e6edf3; font: 13px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
body { padding: 2px 0; overflow-x: auto; overflow-y: hidden; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #30363d; padding: 3px 8px; text-align: right; }
th { background: #161b22; font-weight: 600; }
tbody tr:nth-child(even) { background: #11161d; }
a { color: #58a6ff; }
pre, code { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; }
img, svg { max-width: 100%; height: auto; }
`;

/** The document of a sandboxed HTML output frame: the strict CSP first, then base styles, then the user's HTML. */
export function buildSrcdoc(userHtml: string): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${HTML_OUTPUT_CSP}">` +
    `<style>${BASE_STYLE}</style></head><body>${userHtml}</body></html>`
  );
}
