import type { AssetReply, AssetRequest } from '../protocol/runtimeFiles.ts';

/** The worker's fetch: Pyodide's files answered from memory, every other GET (wheels, micropip's index pages) by the page, never by the network. */
export interface AssetFetch {
  /** The fetch to install as the worker's global (other URLs go to the real fetch). */
  readonly fetch: typeof fetch;
  /** Answers requests for `url` with `respond()` until the returned function is called. */
  serve(url: string, respond: () => Response): () => void;
  /** From now on, URLs under these prefixes are asked of the page (the worker's own network is closed by the frame's CSP). */
  route(prefixes: readonly string[]): void;
  /** The page's answer to the request with this id (relayed by the frame). */
  deliver(id: number, reply: AssetReply): void;
}

/** Statuses of a reply that had no answer from a server (see fetchSandboxAsset and createFrameRuntime). */
const REFUSED = new Set([400, 429, 502]);

function urlOf(input: RequestInfo | URL): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

/**
 * Creates the worker's asset fetch. `ask(id, request)` sends a request to the frame; the page's answer
 * comes back through {@link AssetFetch.deliver}. A request's `integrity` (Pyodide passes the lock file's
 * hash) goes with it: the page's fetch checks it (the worker has no crypto.subtle: it is not a secure
 * context); so does its Accept header (micropip asks a package index for JSON), and the answer's
 * Content-Type comes back.
 */
export function createAssetFetch(real: typeof fetch, ask: (id: number, request: AssetRequest) => void): AssetFetch {
  const local = new Map<string, () => Response>();
  const waiting = new Map<number, (reply: AssetReply) => void>();
  let prefixes: readonly string[] = [];
  let nextId = 1;

  const fromPage = async (request: AssetRequest): Promise<Response> => {
    const id = nextId++;
    const reply = await new Promise<AssetReply>((resolve) => {
      waiting.set(id, resolve);
      ask(id, request);
    });
    // Refused by the page or the frame (400, 429), or never reached (502: a network error, or a host the page's
    // CSP does not allow): a network error here too, as a blocked fetch is.
    if (!reply.ok && REFUSED.has(reply.status)) throw new TypeError(`Failed to fetch: ${reply.error}`);
    if (!reply.ok) {
      const reason = reply.error.replace(/[^\x20-\x7e]/g, ' ').slice(0, 200);
      return new Response(reply.error, { status: reply.status >= 200 && reply.status <= 599 ? reply.status : 502, statusText: reason });
    }
    const headers: Record<string, string> = { 'Content-Length': String(reply.bytes.byteLength) };
    if (reply.contentType) headers['Content-Type'] = reply.contentType;
    return new Response(reply.bytes, { status: 200, headers });
  };

  return {
    fetch: (input, init) => {
      const url = urlOf(input);
      const respond = local.get(url);
      if (respond) return Promise.resolve(respond());
      const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
      const integrity = init?.integrity ?? (input instanceof Request ? input.integrity : '');
      if (method === 'GET' && prefixes.some((p) => url.startsWith(p))) {
        const accept = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).get('accept');
        return fromPage({ url, integrity: integrity || null, accept });
      }
      return real(input, init);
    },
    serve(url, respond) {
      local.set(url, respond);
      return () => {
        if (local.get(url) === respond) local.delete(url);
      };
    },
    route(list) {
      prefixes = [...list];
    },
    deliver(id, reply) {
      const resolve = waiting.get(id);
      waiting.delete(id);
      resolve?.(reply);
    },
  };
}
