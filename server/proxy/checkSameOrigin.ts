/** Outcome of {@link checkSameOrigin}: `null` when allowed, otherwise why not. */
export type OriginRejection = string | null;

/**
 * Allows a request only when it is same-origin or carries no Origin at all.
 *
 * - no `Origin` header (curl, same-origin GET): allowed;
 * - `Origin: null` (sandboxed iframes, opaque origins, file://): rejected;
 * - an Origin whose host[:port] differs from the request's `Host`: rejected
 *   (with `trustProxy > 0`, `X-Forwarded-Host` set by the proxy is accepted too);
 * - `Sec-Fetch-Site: cross-site`: rejected.
 *
 * @param headers the request headers.
 * @param trustProxy number of trusted reverse-proxy hops (enables X-Forwarded-Host).
 * @returns `null` when allowed, or a one-line reason.
 */
export function checkSameOrigin(headers: Headers, trustProxy: number): OriginRejection {
  if (headers.get('sec-fetch-site') === 'cross-site') return 'the browser marked this request as cross-site';
  const origin = headers.get('origin');
  if (origin === null) return null;
  if (origin.trim() === 'null') return 'requests from an opaque origin (Origin: null) are not allowed';
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return 'the Origin header is not a valid URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `origin scheme "${url.protocol}" is not allowed`;
  const originHost = normaliseHost(url.host, url.protocol);
  const candidates = [headers.get('host')];
  if (trustProxy > 0) candidates.push(headers.get('x-forwarded-host')?.split(',')[0] ?? null);
  const matches = candidates.some((h) => h !== null && normaliseHost(h.trim(), url.protocol) === originHost);
  return matches ? null : 'the page calling the API is on a different origin than this server';
}

function normaliseHost(host: string, protocol: string): string {
  const lower = host.toLowerCase();
  if (protocol === 'http:' && lower.endsWith(':80')) return lower.slice(0, -3);
  if (protocol === 'https:' && lower.endsWith(':443')) return lower.slice(0, -4);
  return lower;
}
