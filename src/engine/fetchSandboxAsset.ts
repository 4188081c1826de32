import { assetUrlProblem, MAX_ASSET_BYTES, type AssetReply } from '../protocol/runtimeFiles.ts';

/**
 * Fetches a file a sandbox worker asked for (a wheel of the self-hosted index, a file of Pyodide's)
 * on the app's origin, so the browser caches it. Only plain paths under Pyodide's and the package
 * folder are fetched; anything else is answered with why not. `integrity` (the lock file's hash,
 * as Pyodide passes it) is checked by the browser. Never rejects.
 */
export async function fetchSandboxAsset(
  url: string,
  integrity: string | null,
  appOrigin: string,
  fetcher: typeof fetch = fetch,
): Promise<AssetReply> {
  const problem = assetUrlProblem(url, appOrigin);
  if (problem) return { ok: false, status: 400, error: `${url}: ${problem}.` };
  try {
    const response = await fetcher(url, { credentials: 'same-origin', redirect: 'error', ...(integrity ? { integrity } : {}) });
    if (!response.ok) return { ok: false, status: response.status, error: `${url}: HTTP ${response.status}.` };
    if (Number(response.headers.get('content-length')) > MAX_ASSET_BYTES)
      return { ok: false, status: 413, error: `${url} is larger than ${MAX_ASSET_BYTES / 2 ** 20} MB.` };
    const bytes = await response.arrayBuffer();
    if (bytes.byteLength > MAX_ASSET_BYTES)
      return { ok: false, status: 413, error: `${url} is larger than ${MAX_ASSET_BYTES / 2 ** 20} MB.` };
    return { ok: true, bytes };
  } catch (err) {
    return { ok: false, status: 502, error: `${url} could not be downloaded (${err instanceof Error ? err.message : String(err)}).` };
  }
}
