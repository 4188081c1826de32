import { assetUrlProblem, MAX_ASSET_BYTES, type AssetReply, type AssetRequest } from '../protocol/runtimeFiles.ts';
import type { PackageCache } from './createPackageCache.ts';

const NO_CACHE: PackageCache = { get: async () => null, put: async () => undefined };

/**
 * Fetches a file a sandbox worker asked for: a wheel of the self-hosted index or a file of Pyodide's (on the
 * app's origin, with its cookies), or a package CDN's wheel or a package index's page for micropip (elsewhere,
 * without credentials; the page's CSP decides which hosts). The page's HTTP cache applies, and package files
 * are kept in `cache`, so a second install of a wheel, in this visit or a later one, makes no request.
 * `integrity` (the lock file's hash, as Pyodide passes it) is checked by the browser, and again on what the
 * cache gives back. Never rejects.
 */
export async function fetchSandboxAsset(
  request: AssetRequest,
  appOrigin: string,
  fetcher: typeof fetch = fetch,
  cache: PackageCache = NO_CACHE,
): Promise<AssetReply> {
  const { url, integrity, accept } = request;
  const problem = assetUrlProblem(url, appOrigin);
  if (problem) return { ok: false, status: 400, error: `${url}: ${problem}.` };
  const kept = await cache.get(url, integrity);
  if (kept) return { ok: true, ...kept };
  const sameOrigin = new URL(url).origin === appOrigin;
  try {
    const response = await fetcher(url, {
      credentials: sameOrigin ? 'same-origin' : 'omit',
      redirect: sameOrigin ? 'error' : 'follow',
      ...(integrity ? { integrity } : {}),
      ...(accept ? { headers: { Accept: accept } } : {}),
    });
    if (!response.ok) return { ok: false, status: response.status, error: `${url}: HTTP ${response.status}.` };
    if (Number(response.headers.get('content-length')) > MAX_ASSET_BYTES)
      return { ok: false, status: 413, error: `${url} is larger than ${MAX_ASSET_BYTES / 2 ** 20} MB.` };
    const bytes = await response.arrayBuffer();
    if (bytes.byteLength > MAX_ASSET_BYTES)
      return { ok: false, status: 413, error: `${url} is larger than ${MAX_ASSET_BYTES / 2 ** 20} MB.` };
    const contentType = response.headers.get('content-type');
    await cache.put(url, bytes, contentType);
    return { ok: true, bytes, contentType };
  } catch (err) {
    return { ok: false, status: 502, error: `${url} could not be downloaded (${err instanceof Error ? err.message : String(err)}).` };
  }
}
