import type { AssetReply } from '../protocol/runtimeFiles.ts';

/** The worker's fetch for Pyodide's and the package index's files: answered from memory or by the page, never by the network. */
export interface AssetFetch {
  /** The fetch to install as the worker's global (other URLs go to the real fetch). */
  readonly fetch: typeof fetch;
  /** Answers requests for `url` with `respond()` until the returned function is called. */
  serve(url: string, respond: () => Response): () => void;
  /** From now on, files under these URL prefixes are asked of the page. */
  route(prefixes: readonly string[]): void;
  /** The page's answer to the request with this id (relayed by the frame). */
  deliver(id: number, reply: AssetReply): void;
}

function urlOf(input: RequestInfo | URL): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

/**
 * Creates the worker's asset fetch. `ask(id, url, integrity)` sends a request to the frame; the
 * page's answer comes back through {@link AssetFetch.deliver}. A request's `integrity` (Pyodide
 * passes the lock file's hash) goes with it: the page's fetch checks it (the worker has no
 * crypto.subtle: it is not a secure context).
 */
export function createAssetFetch(real: typeof fetch, ask: (id: number, url: string, integrity: string | null) => void): AssetFetch {
  const local = new Map<string, () => Response>();
  const waiting = new Map<number, (reply: AssetReply) => void>();
  let prefixes: readonly string[] = [];
  let nextId = 1;

  const fromPage = async (url: string, integrity: string | null): Promise<Response> => {
    const id = nextId++;
    const reply = await new Promise<AssetReply>((resolve) => {
      waiting.set(id, resolve);
      ask(id, url, integrity);
    });
    if (!reply.ok) {
      const reason = reply.error.replace(/[^\x20-\x7e]/g, ' ').slice(0, 200);
      return new Response(reply.error, { status: reply.status >= 200 && reply.status <= 599 ? reply.status : 502, statusText: reason });
    }
    return new Response(reply.bytes, { status: 200, headers: { 'Content-Length': String(reply.bytes.byteLength) } });
  };

  return {
    fetch: (input, init) => {
      const url = urlOf(input);
      const respond = local.get(url);
      if (respond) return Promise.resolve(respond());
      const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
      const integrity = init?.integrity ?? (input instanceof Request ? input.integrity : '');
      if (method === 'GET' && prefixes.some((p) => url.startsWith(p))) return fromPage(url, integrity || null);
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
