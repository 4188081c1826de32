// @vitest-environment node
import { Hono } from 'hono';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createProxyHarness, TEST_AZURE_KEY, type ProxyHarness, type SeenResponse } from '../testing/proxyTestHarness.ts';
import { CHAT_COMPLETIONS_PATH, createProxyApp } from './createProxyApp.ts';

const hi = { messages: [{ role: 'user', content: 'Hi' }] };
const errorOf = (r: SeenResponse): { code: string; message: string } =>
  (JSON.parse(r.text) as { error: { code: string; message: string } }).error;

let h: ProxyHarness;
beforeAll(async () => {
  h = await createProxyHarness();
});
afterEach(() => h.fake.reset());
afterAll(async () => {
  await h.closeAll();
});

describe('forwarding with the openai package', () => {
  it('answers an OpenAI-compatible client through the v1 API', async () => {
    const proxy = await h.serve();
    const browserLike = new OpenAI({ baseURL: `${proxy.url}/api/openai/v1`, apiKey: 'not-the-key', maxRetries: 0 });
    h.fake.enqueue({ kind: 'completion', content: 'Hello, Python!' });
    const completion = await browserLike.chat.completions.create({ model: 'ignored', messages: [{ role: 'user', content: 'Hi' }] });
    expect(completion.choices[0]?.message.content).toBe('Hello, Python!');
    const forwarded = h.fake.requests[0];
    expect(forwarded?.api).toBe('v1');
    expect(forwarded?.headers['authorization']).toBe(`Bearer ${TEST_AZURE_KEY}`);
    expect(JSON.stringify(forwarded?.headers)).not.toContain('not-the-key');
  });

  it('uses the deployment URL and api-version with AZURE_OPENAI_API_VERSION (AzureOpenAI)', async () => {
    const proxy = await h.serve({
      llm: { mode: 'azure-versioned', endpoint: h.fake.endpoint, apiKey: TEST_AZURE_KEY, deployment: 'gpt-test', apiVersion: '2024-10-21' },
    });
    const res = await proxy.chat(hi);
    expect(res.status).toBe(200);
    const forwarded = h.fake.requests[0];
    expect(forwarded?.path).toBe('/openai/deployments/gpt-test/chat/completions');
    expect(forwarded?.query['api-version']).toBe('2024-10-21');
    expect(forwarded?.headers['api-key']).toBe(TEST_AZURE_KEY);
  });

  it('passes tool calls through', async () => {
    const proxy = await h.serve();
    h.fake.enqueue({ kind: 'completion', toolCalls: [{ id: 'call_9', name: 'run_python', arguments: '{"code":"print(1)"}' }] });
    const res = await proxy.chat({
      ...hi,
      tools: [
        { type: 'function', function: { name: 'run_python', parameters: { type: 'object', properties: { code: { type: 'string' } } } } },
      ],
      tool_choice: 'auto',
    });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as OpenAI.ChatCompletion;
    expect(body.choices[0]?.finish_reason).toBe('tool_calls');
    expect(body.choices[0]?.message.tool_calls?.[0]).toMatchObject({
      id: 'call_9',
      function: { name: 'run_python', arguments: '{"code":"print(1)"}' },
    });
    expect(h.fake.requests[0]?.body?.['tools']).toHaveLength(1);
  });
});

describe('request allowlist', () => {
  it('drops unknown fields, overwrites model and clamps max_tokens', async () => {
    const proxy = await h.serve({ maxTokens: 256 });
    const res = await proxy.chat({
      model: 'gpt-4-32k-expensive',
      messages: [
        { role: 'system', content: 'Be brief.', secret_field: 1 },
        { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
      ],
      temperature: 0.2,
      max_tokens: 100_000,
      n: 5,
      logit_bias: { '50256': -100 },
      user: 'someone',
      data_sources: [{ type: 'azure_search', parameters: { endpoint: 'https://evil.example' } }],
      stream_options: { include_usage: true },
    });
    expect(res.status).toBe(200);
    const sent = h.fake.requests[0]?.body;
    expect(sent).toEqual({
      model: 'gpt-test',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
      ],
      temperature: 0.2,
      max_tokens: 256,
      stream: false,
    });
  });

  it('fills in max_tokens when the client sends none, and keeps smaller values', async () => {
    const proxy = await h.serve({ maxTokens: 300 });
    await proxy.chat(hi);
    await proxy.chat({ ...hi, max_tokens: 50 });
    expect(h.fake.requests.map((r) => r.body?.['max_tokens'])).toEqual([300, 50]);
  });

  it('answers 400 JSON saying what is wrong for bad JSON and bad shapes, without calling upstream', async () => {
    const proxy = await h.serve();
    const badJson = await proxy.chat('{"messages": [');
    expect(badJson.status).toBe(400);
    expect(errorOf(badJson)).toMatchObject({ code: 'invalid_json' });
    expect(errorOf(badJson).message).toMatch(/not valid JSON .*send a JSON object/);

    const badRole = await proxy.chat({ messages: [{ role: 'wizard', content: 'x' }] });
    expect(badRole.status).toBe(400);
    expect(errorOf(badRole).code).toBe('invalid_request');
    expect(errorOf(badRole).message).toMatch(/messages\.0\.role/);

    const badTemp = await proxy.chat({ ...hi, temperature: 'hot' });
    expect(errorOf(badTemp).message).toMatch(/temperature/);

    const noMessages = await proxy.chat({ messages: [] });
    expect(errorOf(noMessages).message).toMatch(/at least one message/);
    expect(h.fake.requests).toHaveLength(0);
  });

  it('requires a JSON content type (415)', async () => {
    const proxy = await h.serve();
    const res = await proxy.request(CHAT_COMPLETIONS_PATH, {
      method: 'POST',
      body: JSON.stringify(hi),
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(415);
    expect(errorOf(res).code).toBe('unsupported_media_type');
  });
});

describe('size limits', () => {
  it('answers 413 JSON for a body over CHAT_MAX_BODY_BYTES (Content-Length)', async () => {
    const proxy = await h.serve({ maxBodyBytes: 2048 });
    const res = await proxy.chat({ messages: [{ role: 'user', content: 'x'.repeat(3000) }] });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(errorOf(res)).toMatchObject({ code: 'body_too_large' });
    expect(errorOf(res).message).toMatch(/larger than 2048 bytes/);
    expect(h.fake.requests).toHaveLength(0);
  });

  it('answers 413 JSON for a chunked body without Content-Length', async () => {
    const proxy = await h.serve({ maxBodyBytes: 2048 });
    const piece = new TextEncoder().encode('x'.repeat(1000));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"messages":[{"role":"user","content":"'));
        if (sent++ < 5) controller.enqueue(piece);
        else controller.close();
      },
    });
    const res = await proxy.request(CHAT_COMPLETIONS_PATH, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(errorOf(res).code).toBe('body_too_large');
  });

  it('answers 400 JSON for more messages than CHAT_MAX_MESSAGES', async () => {
    const proxy = await h.serve({ maxMessages: 3 });
    const messages = Array.from({ length: 4 }, (_, i) => ({ role: 'user', content: `m${i}` }));
    const res = await proxy.chat({ messages });
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'too_many_messages' });
    expect(errorOf(res).message).toMatch(/4 messages but at most 3/);
    expect((await proxy.chat({ messages: messages.slice(0, 3) })).status).toBe(200);
  });
});

describe('same-origin only', () => {
  it('refuses Origin: null and foreign origins with 403 JSON, allows same origin and no Origin', async () => {
    const proxy = await h.serve();
    const nullOrigin = await proxy.chat(hi, { origin: 'null' });
    expect(nullOrigin.status).toBe(403);
    expect(errorOf(nullOrigin).code).toBe('forbidden_origin');

    const foreign = await proxy.chat(hi, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);

    const healthNull = await proxy.request('/api/health', { headers: { origin: 'null' } });
    expect(healthNull.status).toBe(403);

    expect((await proxy.chat(hi, { origin: proxy.url })).status).toBe(200);
    expect((await proxy.chat(hi)).status).toBe(200);
    expect(h.fake.requests).toHaveLength(2);
  });

  it('never sends CORS headers, not even to a preflight', async () => {
    const proxy = await h.serve();
    const responses = [
      await proxy.request(CHAT_COMPLETIONS_PATH, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      }),
      await proxy.request(CHAT_COMPLETIONS_PATH, {
        method: 'OPTIONS',
        headers: { origin: proxy.url, 'access-control-request-method': 'POST' },
      }),
      await proxy.chat(hi, { origin: 'https://evil.example' }),
      await proxy.chat(hi, { origin: proxy.url }),
      await proxy.request('/api/health', { headers: { origin: proxy.url } }),
    ];
    expect(responses[0]?.status).toBe(403);
    for (const r of responses) {
      expect([...r.headers.keys()].filter((k) => k.startsWith('access-control-'))).toEqual([]);
    }
  });
});

describe('access token', () => {
  const token = 'executor-access-token-0123456789abcdef';

  it('requires Authorization: Bearer <token> when EXECUTOR_ACCESS_TOKEN is set', async () => {
    const proxy = await h.serve({ accessToken: token });
    const missing = await proxy.chat(hi);
    expect(missing.status).toBe(401);
    expect(errorOf(missing).code).toBe('unauthorized');
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await proxy.chat(hi, { authorization: `Bearer ${token}x` })).status).toBe(401);
    expect((await proxy.chat(hi, { authorization: token })).status).toBe(401);
    expect(h.fake.requests).toHaveLength(0);

    const ok = await proxy.chat(hi, { authorization: `Bearer ${token}` });
    expect(ok.status).toBe(200);
    expect(JSON.stringify(h.fake.requests[0]?.headers)).not.toContain(token);
  });

  it('keeps health public but says a token is required', async () => {
    const proxy = await h.serve({ accessToken: token });
    const res = await proxy.request('/api/health');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ ok: true, accessTokenRequired: true });
    expect(res.text).not.toContain(token);
  });
});

describe('health and no-LLM mode', () => {
  it('reports the mode and deployment but never the key or endpoint', async () => {
    const proxy = await h.serve();
    const res = await proxy.request('/api/health');
    expect(JSON.parse(res.text)).toEqual({
      ok: true,
      llm: { configured: true, mode: 'azure-v1', deployment: 'gpt-test' },
      accessTokenRequired: false,
    });
    expect(res.text).not.toContain(TEST_AZURE_KEY);
    expect(res.text).not.toContain(h.fake.endpoint);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 503 llm_not_configured when no LLM is configured', async () => {
    const proxy = await h.serve({ llm: null });
    const health = await proxy.request('/api/health');
    expect(JSON.parse(health.text)).toEqual({ ok: true, llm: { configured: false, mode: 'none' }, accessTokenRequired: false });
    const res = await proxy.chat(hi);
    expect(res.status).toBe(503);
    expect(errorOf(res).code).toBe('llm_not_configured');
    expect(errorOf(res).message).toMatch(/AZURE_OPENAI_ENDPOINT/);
  });
});

describe('mounting in the main app', () => {
  it('works under app.route("/") without its middleware touching other routes', async () => {
    const proxyApp = createProxyApp(h.config(), { log: () => undefined });
    const main = new Hono();
    main.get('/', (c) => c.text('index'));
    main.route('/', proxyApp);
    main.get('/after', (c) => c.text('after'));
    try {
      expect(await (await main.request('/', { headers: { origin: 'null' } })).text()).toBe('index');
      expect(await (await main.request('/after', { headers: { origin: 'null' } })).text()).toBe('after');
      const refused = await main.request(CHAT_COMPLETIONS_PATH, {
        method: 'POST',
        headers: { origin: 'null', host: 'localhost' },
        body: '{}',
      });
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ error: { code: 'forbidden_origin' } });
      const health = await main.request('/api/health');
      expect(await health.json()).toMatchObject({ ok: true });
      const unknown = await main.request('/api/openai/v1/models');
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ error: { code: 'not_found' } });
    } finally {
      await proxyApp.close();
    }
  });
});
