import type { RuffDiagnostic, RuffOptions, RuffRequest, RuffResponse } from './ruffProtocol.ts';

/** The part of a Worker the client uses. */
export interface RuffPort {
  postMessage(message: RuffRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<RuffResponse>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
}

/** Lints and formats through the Ruff worker. */
export interface RuffClient {
  /** Ruff's findings on `code` (rejects with Ruff's message when the options are invalid). */
  lint(code: string, options: RuffOptions): Promise<RuffDiagnostic[]>;
  /** `code` formatted (rejects with Ruff's message when it does not parse). */
  format(code: string, options: RuffOptions): Promise<string>;
}

/** A client that starts its worker on the first request (Ruff's 11 MB of WebAssembly load only when used). */
export function createRuffClient(spawn: () => RuffPort): RuffClient {
  let port: RuffPort | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (r: RuffResponse) => void; reject: (e: Error) => void }>();

  const connect = (): RuffPort => {
    if (port) return port;
    const p = spawn();
    p.addEventListener('message', (event) => {
      const waiter = pending.get(event.data.id);
      pending.delete(event.data.id);
      waiter?.resolve(event.data);
    });
    p.addEventListener('error', (event) => {
      for (const w of pending.values()) w.reject(new Error(`Ruff stopped: ${event.message || 'its worker failed to load'}`));
      pending.clear();
      port = null;
    });
    port = p;
    return p;
  };

  const ask = (request: Omit<RuffRequest, 'id'>): Promise<RuffResponse> => {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      connect().postMessage({ ...request, id });
    });
  };

  return {
    async lint(code, options) {
      const r = await ask({ type: 'lint', code, options });
      if (!r.ok) throw new Error(r.error);
      return r.type === 'lint' ? r.diagnostics : [];
    },
    async format(code, options) {
      const r = await ask({ type: 'format', code, options });
      if (!r.ok) throw new Error(r.error);
      return r.type === 'format' ? r.formatted : code;
    },
  };
}
