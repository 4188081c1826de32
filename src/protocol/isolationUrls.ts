import { FRAME_PATH, ISOLATION_OFF_QUERY } from './paths.ts';
import { detectCapabilities, type CapabilityGlobals } from './capabilities.ts';

const [KEY, VALUE] = ISOLATION_OFF_QUERY.split('=') as [string, string];

/** True when this document's URL asks to be served without isolation headers. */
export function isolationDropped(search: string): boolean {
  return new URLSearchParams(search).get(KEY) === VALUE;
}

/**
 * The URL to reload the page at, without isolation, when the browser isolates it but still gives it no
 * SharedArrayBuffer (isolation then only stops the sandbox's workers; WebKitGTK does this); null to stay.
 * Never twice: a server that ignores the parameter must not cause a reload loop.
 */
export function unisolatedPageUrl(href: string, g: CapabilityGlobals): string | null {
  if (g.crossOriginIsolated !== true || detectCapabilities(g).sharedMemory) return null;
  const url = new URL(href);
  if (isolationDropped(url.search)) return null;
  url.searchParams.set(KEY, VALUE);
  return url.href; // the hash (a share link) goes along
}

/** The sandbox frame's URL for a page at this query: served without isolation when the page is. */
export function frameUrlFor(pageSearch: string): string {
  return isolationDropped(pageSearch) ? `${FRAME_PATH}?${ISOLATION_OFF_QUERY}` : FRAME_PATH;
}
