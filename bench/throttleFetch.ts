/** A slow link: every response waits `latencyMs`, and all bodies share `bitsPerSecond`. */
export interface LinkConditions {
  latencyMs: number;
  bitsPerSecond: number;
}

/** The bench's "throttled network": 20 Mbit/s down, 40 ms latency (as the issue asks; Chromium's own emulation does not reach workers). */
export const SLOW_LINK: LinkConditions = { latencyMs: 40, bitsPerSecond: 20e6 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CHUNK = 16 * 1024;

/**
 * Wraps a fetch handler so that, while `conditions()` returns a link, every response is delayed by
 * its latency and every body is paced through one shared link of its bandwidth (so parallel
 * downloads share it, as on a real connection). A 304 or an empty body costs the latency only.
 */
export function throttleFetch(
  handler: (req: Request) => Promise<Response>,
  conditions: () => LinkConditions | null,
): (req: Request) => Promise<Response> {
  // When the shared link is free again (ms, Date.now()).
  let linkFreeAt = 0;
  return async (req) => {
    const link = conditions();
    if (!link) return handler(req);
    await sleep(link.latencyMs);
    const response = await handler(req);
    if (!response.body) return response;
    const reader = response.body.getReader();
    const bytesPerMs = link.bitsPerSecond / 8 / 1000;
    const paced = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          return;
        }
        for (let offset = 0; offset < value.byteLength; offset += CHUNK) {
          const piece = value.subarray(offset, offset + CHUNK);
          const start = Math.max(Date.now(), linkFreeAt);
          linkFreeAt = start + piece.byteLength / bytesPerMs;
          const wait = linkFreeAt - Date.now();
          if (wait > 1) await sleep(wait);
          controller.enqueue(piece);
        }
      },
      cancel: (reason) => reader.cancel(reason),
    });
    return new Response(paced, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
