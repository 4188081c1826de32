import { CHAT_COMPLETIONS_PATH, createProxyApp, type ProxyApp, type ProxyAppDeps } from '../proxy/createProxyApp.ts';
import { PROXY_DEFAULTS, type ProxyConfig } from '../proxy/ProxyConfig.ts';
import { startFakeAzureOpenAI, type FakeAzureOpenAI } from './fakeAzureOpenAI.ts';
import { serveOnLoopback } from './serveOnLoopback.ts';

/** The Azure key used by the harness's fake; tests assert it never reaches a client. */
export const TEST_AZURE_KEY = 'azure-test-key-7Hq2x-DO-NOT-LEAK-5c1e';

/** A fully read HTTP response. */
export interface SeenResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** A chat proxy served over real HTTP on 127.0.0.1. */
export interface ServedProxy {
  /** Base URL, e.g. `http://127.0.0.1:43123`. */
  url: string;
  /** The Host header clients send. */
  host: string;
  /** Full URL of the chat endpoint. */
  chatUrl: string;
  /** The sub-app under test. */
  app: ProxyApp;
  /** POSTs JSON to the chat endpoint, reads the whole response and records it in the transcript. */
  chat(body: unknown, headers?: Record<string, string>): Promise<SeenResponse>;
  /** fetch against this server that records the (fully read) response in the transcript. */
  request(path: string, init?: RequestInit): Promise<SeenResponse>;
}

/** Fake upstream plus helpers to serve proxies pointed at it. */
export interface ProxyHarness {
  fake: FakeAzureOpenAI;
  /** Every response any served proxy returned through {@link ServedProxy.chat}/{@link ServedProxy.request}. */
  transcript: SeenResponse[];
  /** A config pointing at the fake (v1 API), with overrides. */
  config(overrides?: Partial<ProxyConfig>): ProxyConfig;
  /** Serves `createProxyApp(config)` on a random loopback port. */
  serve(overrides?: Partial<ProxyConfig>, deps?: ProxyAppDeps): Promise<ServedProxy>;
  /** Closes every served proxy (and its limiter) and the fake. */
  closeAll(): Promise<void>;
}

/**
 * Starts a fake Azure OpenAI (accepting {@link TEST_AZURE_KEY}, deployment `gpt-test`) and returns
 * helpers to serve proxy apps pointed at it. Call `closeAll()` in `afterAll`.
 */
export async function createProxyHarness(): Promise<ProxyHarness> {
  const fake = await startFakeAzureOpenAI({ apiKey: TEST_AZURE_KEY, deployments: ['gpt-test'] });
  const closers: Array<() => Promise<void>> = [];
  const transcript: SeenResponse[] = [];

  const config = (overrides: Partial<ProxyConfig> = {}): ProxyConfig => ({
    llm: { mode: 'azure-v1', endpoint: fake.endpoint, apiKey: TEST_AZURE_KEY, deployment: 'gpt-test' },
    accessToken: null,
    redisUrl: null,
    ...PROXY_DEFAULTS,
    rateLimitPerMinute: 1000,
    upstreamTimeoutMs: 5_000,
    ...overrides,
  });

  const record = async (res: Response): Promise<SeenResponse> => {
    const seen = { status: res.status, headers: res.headers, text: await res.text() };
    transcript.push(seen);
    return seen;
  };

  return {
    fake,
    transcript,
    config,
    async serve(overrides = {}, deps = {}) {
      const app = createProxyApp(config(overrides), { log: () => undefined, ...deps });
      const server = await serveOnLoopback(app.fetch);
      closers.push(async () => {
        await server.close();
        await app.close();
      });
      const chatUrl = `${server.url}${CHAT_COMPLETIONS_PATH}`;
      return {
        ...server,
        chatUrl,
        app,
        chat: async (body, headers = {}) =>
          record(
            await fetch(chatUrl, {
              method: 'POST',
              headers: { 'content-type': 'application/json', ...headers },
              body: typeof body === 'string' ? body : JSON.stringify(body),
            }),
          ),
        request: async (path, init) => record(await fetch(`${server.url}${path}`, init)),
      };
    },
    async closeAll() {
      for (const close of closers.splice(0)) await close();
      await fake.close();
    },
  };
}
