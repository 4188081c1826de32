/**
 * A local fake of Azure OpenAI's chat completions API, for tests only.
 *
 * It listens on 127.0.0.1 on a random port and speaks the real wire format for
 * both URL shapes the `openai` package produces:
 *
 * - v1 API: `POST /openai/v1/chat/completions` (deployment in the body's `model`,
 *   key as `Authorization: Bearer <key>` or `api-key: <key>`);
 * - versioned API: `POST /openai/deployments/<deployment>/chat/completions?api-version=...`
 *   (key as `api-key: <key>`).
 *
 * Every request is recorded (method, path, query, headers, parsed body, and
 * whether the client went away before the answer was complete). What the fake
 * answers is scripted per test with {@link FakeAzureOpenAI.enqueue}; with nothing
 * queued it answers with {@link FakeAzureOpenAI.defaultReply}. Without scripting,
 * a wrong key gets Azure's 401 body and an unknown deployment Azure's 404
 * `DeploymentNotFound` body, just like the real service.
 *
 * @example
 * ```ts
 * const fake = await startFakeAzureOpenAI({ apiKey: 'k', deployments: ['gpt-test'] });
 * fake.enqueue({ kind: 'completion', content: 'Hello there', chunks: 4 });
 * // ... point AzureOpenAI / OpenAI at fake.endpoint ...
 * expect(fake.requests[0]?.body).toMatchObject({ model: 'gpt-test' });
 * await fake.close();
 * ```
 *
 * @module
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A tool call the fake model "makes". */
export interface FakeToolCall {
  /** Call id; defaults to `call_<n>`. */
  id?: string;
  /** Function name, e.g. `run_python`. */
  name: string;
  /** The arguments as a JSON string (streamed in pieces when streaming). */
  arguments: string;
}

/** A successful chat completion (JSON, or SSE when the request has `stream: true`). */
export interface FakeCompletionReply {
  kind: 'completion';
  /** Assistant text; defaults to `'Hello from the fake Azure OpenAI.'` (or `null` with tool calls). */
  content?: string | null;
  /** Tool calls to return (`finish_reason: 'tool_calls'`). */
  toolCalls?: FakeToolCall[];
  /** Overrides the finish reason. */
  finishReason?: 'stop' | 'length' | 'tool_calls' | 'content_filter';
  /** How many pieces the content (and each tool call's arguments) is streamed in; default 3. */
  chunks?: number;
  /** Delay between streamed events in ms; default 15. */
  chunkDelayMs?: number;
  /**
   * Streaming only: after this many content events the fake stops writing and keeps
   * the connection open (an upstream that stalls mid-stream).
   */
  stallAfterChunks?: number;
}

/** An error response with Azure's body shape `{ "error": { "code", "message" } }`. */
export interface FakeErrorReply {
  kind: 'error';
  /** HTTP status, e.g. 401, 404, 429, 500. */
  status: number;
  /** Azure's `error.code`, e.g. `'401'`, `'DeploymentNotFound'`, `'429'`. */
  code: string;
  /** Azure's `error.message`. */
  message: string;
  /** Extra response headers, e.g. `{ 'retry-after': '7' }`. */
  headers?: Record<string, string>;
}

/** Accept the request and never answer (for timeouts); the socket stays open until the client leaves. */
export interface FakeHangReply {
  kind: 'hang';
}

/** What the fake answers to one request. */
export type FakeReply = FakeCompletionReply | FakeErrorReply | FakeHangReply;

/** One request the fake received. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Query parameters, e.g. `{ 'api-version': '2024-10-21' }`. */
  query: Record<string, string>;
  /** Request headers, lower-cased names. */
  headers: Record<string, string | string[] | undefined>;
  /** The raw body text. */
  rawBody: string;
  /** The parsed JSON body (`undefined` when it was not JSON). */
  body: Record<string, unknown> | undefined;
  /** The deployment the request addressed (from the path or the body's `model`). */
  deployment: string | undefined;
  /** Which URL shape was used. */
  api: 'v1' | 'versioned' | 'unknown';
  /** True once the client closed the connection before the response was complete. */
  clientAborted: boolean;
  /** Resolves when the exchange ends: `'finished'` (response complete) or `'aborted'` (client went away first). */
  ended: Promise<'finished' | 'aborted'>;
}

/** Options for {@link startFakeAzureOpenAI}. */
export interface FakeAzureOpenAIOptions {
  /** The only key the fake accepts; default `'fake-azure-key-0123456789abcdef'`. */
  apiKey?: string;
  /** Deployments that exist; default `['gpt-test']`. */
  deployments?: string[];
}

/** A running fake Azure OpenAI. */
export interface FakeAzureOpenAI {
  /** Base URL to use as AZURE_OPENAI_ENDPOINT, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  readonly endpoint: string;
  /** The key it accepts. */
  readonly apiKey: string;
  /** Deployments that exist. */
  readonly deployments: readonly string[];
  /** Every request received so far, oldest first. */
  readonly requests: RecordedRequest[];
  /** Reply used when the queue is empty; assignable. Default: a short completion. */
  defaultReply: FakeReply;
  /** Queues replies, used one per request in order (before key/deployment checks). */
  enqueue(...replies: FakeReply[]): void;
  /** Resolves with the next request to arrive (or the `index`-th overall if already received). */
  waitForRequest(index?: number): Promise<RecordedRequest>;
  /** Clears recorded requests and queued replies, and restores the default reply. */
  reset(): void;
  /** Closes the server and every open connection. */
  close(): Promise<void>;
}

/** Azure's replies for common errors, verbatim shapes from the real service. */
export const azureErrors = {
  /** 401 for a wrong key. */
  invalidKey(): FakeErrorReply {
    return {
      kind: 'error',
      status: 401,
      code: '401',
      message:
        'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
    };
  },
  /** 403 when the resource's network rules refuse the caller. */
  forbidden(): FakeErrorReply {
    return {
      kind: 'error',
      status: 403,
      code: '403',
      message: 'Traffic is not from an approved private endpoint.',
    };
  },
  /** 404 for a deployment that does not exist. */
  deploymentNotFound(): FakeErrorReply {
    return {
      kind: 'error',
      status: 404,
      code: 'DeploymentNotFound',
      message:
        'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.',
    };
  },
  /** 429 with `retry-after` (seconds) and `retry-after-ms`. */
  rateLimited(retryAfterSeconds = 7): FakeErrorReply {
    return {
      kind: 'error',
      status: 429,
      code: '429',
      message: `Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after ${retryAfterSeconds} seconds. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit.`,
      headers: {
        'retry-after': String(retryAfterSeconds),
        'retry-after-ms': String(retryAfterSeconds * 1000),
        'x-should-retry': 'false',
      },
    };
  },
  /** 500 internal error. */
  serverError(): FakeErrorReply {
    return {
      kind: 'error',
      status: 500,
      code: 'InternalServerError',
      message: 'The server had an error while processing your request. Sorry about that!',
      headers: { 'x-should-retry': 'false' },
    };
  },
  /** 400 for a prompt the content filter blocked. */
  contentFilter(): FakeErrorReply {
    return {
      kind: 'error',
      status: 400,
      code: 'content_filter',
      message:
        "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry.",
    };
  },
} as const;

const DEFAULT_KEY = 'fake-azure-key-0123456789abcdef';
const DEFAULT_REPLY: FakeCompletionReply = { kind: 'completion', content: 'Hello from the fake Azure OpenAI.' };
const MODEL_NAME = 'gpt-4o-2024-11-20';

/**
 * Starts a fake Azure OpenAI on 127.0.0.1 with a random port.
 * @param options key and deployments it accepts.
 * @returns the running fake; call {@link FakeAzureOpenAI.close} in `afterAll`.
 */
export async function startFakeAzureOpenAI(options: FakeAzureOpenAIOptions = {}): Promise<FakeAzureOpenAI> {
  const apiKey = options.apiKey ?? DEFAULT_KEY;
  const deployments = options.deployments ?? ['gpt-test'];
  const queue: FakeReply[] = [];
  const requests: RecordedRequest[] = [];
  const waiters: Array<{ index: number; resolve: (r: RecordedRequest) => void }> = [];
  const responses = new Set<ServerResponse>();
  let completionCounter = 0;

  const fake: FakeAzureOpenAI = {
    endpoint: '',
    apiKey,
    deployments,
    requests,
    defaultReply: DEFAULT_REPLY,
    enqueue(...replies) {
      queue.push(...replies);
    },
    waitForRequest(index) {
      const wanted = index ?? requests.length;
      const existing = requests[wanted];
      if (existing) return Promise.resolve(existing);
      return new Promise((resolve) => waiters.push({ index: wanted, resolve }));
    },
    reset() {
      requests.length = 0;
      queue.length = 0;
      waiters.length = 0;
      fake.defaultReply = DEFAULT_REPLY;
    },
    close() {
      for (const res of responses) res.destroy();
      return new Promise((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };

  const server = createServer((req, res) => {
    responses.add(res);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded = record(req, res, Buffer.concat(chunks).toString('utf8'));
      requests.push(recorded);
      for (const w of waiters.splice(0)) {
        const r = requests[w.index];
        if (r) w.resolve(r);
        else waiters.push(w);
      }
      void respond(recorded, res);
    });
  });

  function record(req: IncomingMessage, res: ServerResponse, rawBody: string): RecordedRequest {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let body: Record<string, unknown> | undefined;
    try {
      const parsed: unknown = JSON.parse(rawBody);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
    } catch {
      body = undefined;
    }
    const versioned = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/.exec(url.pathname);
    const api = url.pathname === '/openai/v1/chat/completions' ? 'v1' : versioned ? 'versioned' : 'unknown';
    const deployment = versioned?.[1] ? decodeURIComponent(versioned[1]) : typeof body?.['model'] === 'string' ? body['model'] : undefined;
    let settle: (how: 'finished' | 'aborted') => void = () => undefined;
    const ended = new Promise<'finished' | 'aborted'>((resolve) => (settle = resolve));
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { ...req.headers },
      rawBody,
      body,
      deployment,
      api,
      clientAborted: false,
      ended,
    };
    res.on('close', () => {
      responses.delete(res);
      if (!res.writableFinished) recorded.clientAborted = true;
      settle(recorded.clientAborted ? 'aborted' : 'finished');
    });
    return recorded;
  }

  async function respond(r: RecordedRequest, res: ServerResponse): Promise<void> {
    const scripted = queue.shift();
    if (!scripted) {
      const presented = r.headers['api-key'] ?? bearer(r.headers['authorization']);
      if (presented !== apiKey) return sendError(res, azureErrors.invalidKey());
      if (r.api === 'unknown' || r.method !== 'POST') {
        return sendError(res, { kind: 'error', status: 404, code: '404', message: 'Resource not found' });
      }
      if (r.api === 'versioned' && !r.query['api-version']) {
        return sendError(res, { kind: 'error', status: 404, code: '404', message: 'Resource not found' });
      }
      if (!r.deployment || !deployments.includes(r.deployment)) return sendError(res, azureErrors.deploymentNotFound());
    }
    const reply = scripted ?? fake.defaultReply;
    switch (reply.kind) {
      case 'hang':
        return;
      case 'error':
        return sendError(res, reply);
      case 'completion':
        if (r.body?.['stream'] === true) return streamCompletion(res, reply);
        return sendCompletion(res, reply);
    }
  }

  function sendError(res: ServerResponse, e: FakeErrorReply): void {
    const body = JSON.stringify({ error: { code: e.code, message: e.message } });
    res.writeHead(e.status, {
      'content-type': 'application/json',
      'apim-request-id': 'fake-apim-request-id',
      ...e.headers,
    });
    res.end(body);
  }

  function baseFields(): { id: string; created: number; model: string; system_fingerprint: string } {
    completionCounter += 1;
    return {
      id: `chatcmpl-fake${completionCounter}`,
      created: Math.floor(Date.now() / 1000),
      model: MODEL_NAME,
      system_fingerprint: 'fp_fake',
    };
  }

  function toolCallsOf(reply: FakeCompletionReply): Array<{ id: string; name: string; arguments: string }> {
    return (reply.toolCalls ?? []).map((t, i) => ({ id: t.id ?? `call_${i + 1}`, name: t.name, arguments: t.arguments }));
  }

  function contentOf(reply: FakeCompletionReply): string | null {
    if (reply.content !== undefined) return reply.content;
    return reply.toolCalls?.length ? null : 'Hello from the fake Azure OpenAI.';
  }

  function finishOf(reply: FakeCompletionReply): string {
    return reply.finishReason ?? (reply.toolCalls?.length ? 'tool_calls' : 'stop');
  }

  function sendCompletion(res: ServerResponse, reply: FakeCompletionReply): void {
    const calls = toolCallsOf(reply);
    const content = contentOf(reply);
    const body = {
      ...baseFields(),
      object: 'chat.completion',
      choices: [
        {
          index: 0,
          finish_reason: finishOf(reply),
          logprobs: null,
          message: {
            role: 'assistant',
            content,
            refusal: null,
            annotations: [],
            ...(calls.length
              ? {
                  tool_calls: calls.map((c) => ({
                    id: c.id,
                    type: 'function',
                    function: { name: c.name, arguments: c.arguments },
                  })),
                }
              : {}),
          },
          content_filter_results: {},
        },
      ],
      prompt_filter_results: [{ prompt_index: 0, content_filter_results: {} }],
      usage: { prompt_tokens: 12, completion_tokens: 9, total_tokens: 21 },
    };
    res.writeHead(200, { 'content-type': 'application/json', 'apim-request-id': 'fake-apim-request-id' });
    res.end(JSON.stringify(body));
  }

  async function streamCompletion(res: ServerResponse, reply: FakeCompletionReply): Promise<void> {
    const pieces = Math.max(1, reply.chunks ?? 3);
    const delay = reply.chunkDelayMs ?? 15;
    const base = baseFields();
    const chunk = (delta: Record<string, unknown>, finish: string | null): string =>
      JSON.stringify({
        ...base,
        object: 'chat.completion.chunk',
        choices: [{ index: 0, delta, finish_reason: finish, logprobs: null, content_filter_results: {} }],
      });
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      'apim-request-id': 'fake-apim-request-id',
    });
    const events: string[] = [
      // Azure sends the prompt filter results first, with no choices.
      JSON.stringify({ ...base, object: '', choices: [], prompt_filter_results: [{ prompt_index: 0, content_filter_results: {} }] }),
      chunk({ role: 'assistant', content: '', refusal: null }, null),
    ];
    const content = contentOf(reply);
    if (content) {
      for (const part of split(content, pieces)) {
        events.push(chunk({ content: part }, null));
      }
    }
    toolCallsOf(reply).forEach((call, index) => {
      events.push(chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }, null));
      for (const part of split(call.arguments, pieces)) {
        events.push(chunk({ tool_calls: [{ index, function: { arguments: part } }] }, null));
      }
    });
    events.push(chunk({}, finishOf(reply)));
    const stallAt = reply.stallAfterChunks === undefined ? Infinity : 2 + reply.stallAfterChunks;
    for (let i = 0; i < events.length; i += 1) {
      if (res.destroyed) return;
      if (i >= stallAt) return; // keep the connection open without writing
      res.write(`data: ${events[i]}\n\n`);
      await sleep(delay);
    }
    if (res.destroyed) return;
    res.end('data: [DONE]\n\n');
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  Object.assign(fake, { endpoint: `http://127.0.0.1:${port}` });
  return fake;
}

function bearer(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const m = /^Bearer (.+)$/.exec(header);
  return m?.[1];
}

function split(text: string, pieces: number): string[] {
  if (text.length === 0) return [];
  const size = Math.ceil(text.length / pieces);
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
