import type { Page, Request } from '@playwright/test';

const SANDBOX_FILE = /\/(pyodide\/v[\d.]+|packages)\//;

/** Requests for Pyodide's files and the package index's, each with who made it: the page itself, or the sandbox (its frame or workers). */
export function sandboxFileRequests(page: Page): Array<{ url: string; byPage: boolean }> {
  const seen: Array<{ url: string; byPage: boolean }> = [];
  page.on('request', (request: Request) => {
    if (!SANDBOX_FILE.test(new URL(request.url()).pathname)) return;
    let byPage = false;
    try {
      byPage = request.frame() === page.mainFrame();
    } catch {
      // A worker's request has no frame.
    }
    seen.push({ url: request.url(), byPage });
  });
  return seen;
}

/** Bytes the page's last load of each of Pyodide's files and the package index's took on the wire (Resource Timing: 0 when the browser's cache served it). */
export function transferSizes(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const sizes: Record<string, number> = {};
    for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
      const path = new URL(entry.name).pathname;
      if (/\/(pyodide\/v[\d.]+|packages)\//.test(path)) sizes[path.split('/').pop() ?? path] = entry.transferSize;
    }
    return sizes;
  });
}
