import { PACKAGES_PATH, PYODIDE_PATH } from '../protocol/paths.ts';
import { RUNTIME_FILE_NAMES, type RuntimeFiles } from '../protocol/runtimeFiles.ts';

/** The URLs of the files a frame boots from, on the app's origin (also preloaded by index.html). */
export function runtimeFileUrls(origin: string): Record<keyof RuntimeFiles, string> {
  return {
    asm: `${origin}${PYODIDE_PATH}${RUNTIME_FILE_NAMES.asm}`,
    wasm: `${origin}${PYODIDE_PATH}${RUNTIME_FILE_NAMES.wasm}`,
    stdlib: `${origin}${PYODIDE_PATH}${RUNTIME_FILE_NAMES.stdlib}`,
    // The server's merged lock: self-hosted wheels under /packages/, the rest on the package CDN.
    lock: `${origin}${PACKAGES_PATH}pyodide-lock.json`,
  };
}

async function download(url: string, fetcher: typeof fetch): Promise<Response> {
  let response: Response;
  try {
    response = await fetcher(url, { credentials: 'same-origin' });
  } catch (err) {
    throw new Error(`${url} could not be downloaded (${err instanceof Error ? err.message : String(err)}).`, { cause: err });
  }
  if (!response.ok) throw new Error(`${url} could not be downloaded (HTTP ${response.status}).`);
  return response;
}

/**
 * Fetches Pyodide's files and the package lock on the app's origin, where the browser's HTTP
 * cache keeps them between visits (versioned, immutable URLs; the lock is revalidated). The
 * frame gets them from the page: requests from its opaque origin would never be cached.
 */
export async function fetchRuntimeFiles(origin: string, fetcher: typeof fetch = fetch): Promise<RuntimeFiles> {
  const urls = runtimeFileUrls(origin);
  const [asm, wasm, stdlib, lock] = await Promise.all([
    download(urls.asm, fetcher).then((r) => r.text()),
    download(urls.wasm, fetcher).then((r) => r.arrayBuffer()),
    download(urls.stdlib, fetcher).then((r) => r.arrayBuffer()),
    download(urls.lock, fetcher).then((r) => r.text()),
  ]);
  return { asm, wasm, stdlib, lock };
}
