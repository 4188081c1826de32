import type { DownloadTick } from '../protocol/results.ts';

let batch = 0;
let open = false;

/**
 * Starts a new download batch: the files of one load (an install, the auto-load before a
 * run) add up to one progress bar, even when Pyodide fetches them one after another.
 * Only fetches inside a batch are metered (not the interpreter's own boot files).
 * Returns the function that ends it.
 */
export function beginDownloadBatch(): () => void {
  batch += 1;
  open = true;
  const mine = batch;
  return () => {
    if (batch === mine) open = false;
  };
}

/** Package files (wheels, archives): what the progress bar is about; other fetches pass untouched. */
const PACKAGE_FILE = /\.(whl|zip|tar|tar\.gz|tgz)(\?|#|$)/i;

/**
 * Wraps `fetch` so that downloads of package files report their bytes as they
 * arrive: the total from Content-Length (null when the server sends none), at
 * most one tick per file every `intervalMs`, and always one when a file is done.
 * The body the caller reads is the same bytes, unchanged.
 */
export function meterFetch(
  real: typeof fetch,
  report: (tick: DownloadTick) => void,
  intervalMs = 100,
  now: () => number = () => performance.now(),
): typeof fetch {
  return async (input, init) => {
    const response = await real(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!open || !PACKAGE_FILE.test(url) || !response.body || !response.ok) return response;
    const length = Number(response.headers.get('content-length'));
    const total = Number.isFinite(length) && length > 0 ? length : null;
    let loaded = 0;
    let last = -Infinity;
    const tickBatch = batch;
    report({ url, batch: tickBatch, loaded, total, done: false });
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        loaded += chunk.byteLength;
        if (now() - last >= intervalMs) {
          last = now();
          report({ url, batch: tickBatch, loaded, total, done: false });
        }
        controller.enqueue(chunk);
      },
      flush() {
        report({ url, batch: tickBatch, loaded, total, done: true });
      },
    });
    return new Response(response.body.pipeThrough(counter), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
