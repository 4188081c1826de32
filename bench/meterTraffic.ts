/** Bytes of response bodies the server sent, split by who asked: the page (same origin) or the sandbox (its opaque-origin frame and workers). */
export interface Traffic {
  pageBytes: number;
  sandboxBytes: number;
  /** Of the sandbox's bytes, those of Pyodide's files and the package index. */
  sandboxPyodideBytes: number;
  /** Requests the sandbox made for Pyodide's files and the package index. */
  sandboxPyodideRequests: number;
}

const PYODIDE_FILE = /^\/(pyodide\/v[\d.]+|packages)\//;

/**
 * Wraps a fetch handler and counts the body bytes it sends. A request from the opaque-origin
 * frame or its workers is cross-site to the server (`Sec-Fetch-Site`); the page's are same-origin.
 */
export function meterTraffic(handler: (req: Request) => Promise<Response>): {
  fetch: (req: Request) => Promise<Response>;
  take(): Traffic;
} {
  let traffic: Traffic = { pageBytes: 0, sandboxBytes: 0, sandboxPyodideBytes: 0, sandboxPyodideRequests: 0 };
  return {
    fetch: async (req) => {
      const response = await handler(req);
      const sandbox = req.headers.get('sec-fetch-site') === 'cross-site';
      const pyodide = PYODIDE_FILE.test(new URL(req.url).pathname);
      if (sandbox && pyodide) traffic.sandboxPyodideRequests += 1;
      if (!response.body) return response;
      const count = new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          if (!sandbox) traffic.pageBytes += chunk.byteLength;
          else {
            traffic.sandboxBytes += chunk.byteLength;
            if (pyodide) traffic.sandboxPyodideBytes += chunk.byteLength;
          }
          controller.enqueue(chunk);
        },
      });
      return new Response(response.body.pipeThrough(count), {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    },
    take() {
      const taken = traffic;
      traffic = { pageBytes: 0, sandboxBytes: 0, sandboxPyodideBytes: 0, sandboxPyodideRequests: 0 };
      return taken;
    },
  };
}
