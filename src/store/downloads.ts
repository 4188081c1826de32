import type { DownloadTick } from '../protocol/results.ts';

/** The package files of the current (or last) download batch, by URL. */
export type Downloads = Record<string, DownloadTick>;

/** A download batch at a glance: files, bytes so far and in all (null while a size is unknown). */
export interface DownloadSummary {
  files: number;
  done: number;
  loaded: number;
  total: number | null;
}

/** Adds a tick; one of another batch (a new install or auto-load) starts over. */
export function addDownloadTick(downloads: Downloads, tick: DownloadTick): Downloads {
  if (Object.values(downloads).some((d) => d.batch !== tick.batch)) return { [tick.url]: tick };
  return { ...downloads, [tick.url]: tick };
}

/** Sums a batch; null when there is none. */
export function summarizeDownloads(downloads: Downloads): DownloadSummary | null {
  const all = Object.values(downloads);
  if (all.length === 0) return null;
  const known = all.every((d) => d.total !== null);
  return {
    files: all.length,
    done: all.filter((d) => d.done).length,
    loaded: all.reduce((n, d) => n + d.loaded, 0),
    total: known ? all.reduce((n, d) => n + (d.total ?? 0), 0) : null,
  };
}

/** "1.2 of 3.4 MB" (or "1.2 MB" while the total is unknown). */
export function describeBytes(s: DownloadSummary): string {
  const mb = (n: number) => (n / 2 ** 20).toFixed(n < 10 * 2 ** 20 ? 1 : 0);
  return s.total === null ? `${mb(s.loaded)} MB` : `${mb(s.loaded)} of ${mb(s.total)} MB`;
}
