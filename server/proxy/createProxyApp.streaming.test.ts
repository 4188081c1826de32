// @vitest-environment node
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createProxyHarness, TEST_AZURE_KEY, type ProxyHarness } from '../testing/proxyTestHarness.ts';

let h: ProxyHarness;
beforeAll(async () => {
  h = await createProxyHarness();
});
afterEach(() => h.fake.reset());
afterAll(async () => {
  await h.closeAll();
});

interface SseRead {
  at: number;
  text: string;
}

/** Reads an SSE body incrementally, keeping each network read with its arrival time. */
async function readSse(
  res: Response,
  stopWhen?: (events: string[]) => boolean,
): Promise<{ reads: SseRead[]; events: string[]; raw: string }> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const reads: SseRead[] = [];
  let raw = '';
  let events: string[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const text = decoder.decode(value, { stream: true });
    reads.push({ at: performance.now(), text });
    raw += text;
    events = raw
      .split('\n\n')
      .filter((e) => e.startsWith('data: '))
      .map((e) => e.slice('data: '.length));
    if (stopWhen?.(events)) {
      await reader.cancel();
      break;
    }
  }
  return { reads, events, raw };
}

/** Resolves with the promise's value, or 'still running' after `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | 'still running'> {
  return Promise.race([promise, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), ms))]);
}

const streamBody = (content = 'Hi'): string => JSON.stringify({ messages: [{ role: 'user', content }], stream: true });

describe('streaming', () => {
  it('passes SSE through in several pieces, with the right headers, ending in [DONE]', async () => {
    const proxy = await h.serve();
    const text = 'The quick brown fox jumps over the lazy dog';
    h.fake.enqueue({ kind: 'completion', content: text, chunks: 4, chunkDelayMs: 40 });
    const res = await fetch(proxy.chatUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: streamBody() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-accel-buffering')).toBe('no');

    const { reads, events, raw } = await readSse(res);
    expect(events.at(-1)).toBe('[DONE]');
    expect(raw.endsWith('data: [DONE]\n\n')).toBe(true);
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e) as OpenAI.ChatCompletionChunk);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe(text);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');

    // Arrived incrementally: several reads, the first content well before the end.
    const contentReads = reads.filter((r) => r.text.includes('"content":"') && !r.text.includes('"content":""'));
    expect(contentReads.length).toBeGreaterThanOrEqual(3);
    const first = contentReads[0]!.at;
    const last = reads.at(-1)!.at;
    expect(last - first).toBeGreaterThanOrEqual(80);
    expect(h.fake.requests[0]?.body?.['stream']).toBe(true);
  });

  it('streams tool calls as deltas', async () => {
    const proxy = await h.serve();
    const args = '{"code":"print(sum(range(10)))"}';
    h.fake.enqueue({ kind: 'completion', toolCalls: [{ id: 'call_1', name: 'run_python', arguments: args }], chunks: 3, chunkDelayMs: 5 });
    const res = await fetch(proxy.chatUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: streamBody() });
    const { events } = await readSse(res);
    const deltas = events
      .slice(0, -1)
      .map((e) => JSON.parse(e) as OpenAI.ChatCompletionChunk)
      .flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
    expect(deltas[0]).toMatchObject({ index: 0, id: 'call_1', function: { name: 'run_python' } });
    expect(deltas.map((d) => d.function?.arguments ?? '').join('')).toBe(args);
    expect(deltas.length).toBeGreaterThanOrEqual(3);
  });

  it('works with the openai package as the browser-side client (stream: true)', async () => {
    const proxy = await h.serve();
    h.fake.enqueue({ kind: 'completion', content: 'streamed answer', chunks: 3, chunkDelayMs: 5 });
    const client = new OpenAI({ baseURL: `${proxy.url}/api/openai/v1`, apiKey: 'unused', maxRetries: 0 });
    const stream = await client.chat.completions.create({ model: 'whatever', messages: [{ role: 'user', content: 'Hi' }], stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('streamed answer');
  });

  it('answers upstream errors before the stream starts as JSON, not SSE', async () => {
    const proxy = await h.serve({
      llm: { mode: 'azure-v1', endpoint: h.fake.endpoint, apiKey: 'wrong-key-123456', deployment: 'gpt-test' },
    });
    const res = await fetch(proxy.chatUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: streamBody() });
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toMatchObject({ error: { code: 'upstream_auth_failed' } });
  });
});

describe('client disconnects and timeouts', () => {
  it('aborts the upstream stream when the browser goes away', async () => {
    const proxy = await h.serve({ upstreamTimeoutMs: 60_000 });
    h.fake.enqueue({ kind: 'completion', content: 'x'.repeat(400), chunks: 100, chunkDelayMs: 30 });
    const browser = new AbortController();
    const res = await fetch(proxy.chatUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: streamBody(),
      signal: browser.signal,
    });
    const reader = res.body!.getReader();
    await reader.read(); // something arrived: the upstream stream is running
    const upstream = await h.fake.waitForRequest(0);
    browser.abort();
    expect(await within(upstream.ended, 1000)).toBe('aborted');
    expect(upstream.clientAborted).toBe(true);
  });

  it('aborts the upstream request when the browser goes away while waiting for JSON', async () => {
    const proxy = await h.serve({ upstreamTimeoutMs: 60_000 });
    h.fake.enqueue({ kind: 'hang' });
    const browser = new AbortController();
    const pending = fetch(proxy.chatUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'Hi' }] }),
      signal: browser.signal,
    }).catch((e: unknown) => e);
    const upstream = await h.fake.waitForRequest(0);
    browser.abort();
    await pending;
    expect(await within(upstream.ended, 1000)).toBe('aborted');
  });

  it('answers 504 JSON and aborts the upstream when it does not answer in CHAT_UPSTREAM_TIMEOUT_MS', async () => {
    const proxy = await h.serve({ upstreamTimeoutMs: 300 });
    h.fake.enqueue({ kind: 'hang' }, { kind: 'hang' });
    const started = performance.now();
    const json = await proxy.chat({ messages: [{ role: 'user', content: 'Hi' }] });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(json.status).toBe(504);
    expect(JSON.parse(json.text)).toMatchObject({ error: { code: 'upstream_timeout' } });
    expect(JSON.parse(json.text).error.message).toMatch(/within 300 ms.*CHAT_UPSTREAM_TIMEOUT_MS/);
    await expect(h.fake.requests[0]!.ended).resolves.toBe('aborted');

    const streamed = await proxy.chat({ messages: [{ role: 'user', content: 'Hi' }], stream: true });
    expect(streamed.status).toBe(504);
  });

  it('ends a stream that stalls with an SSE error event and aborts the upstream', async () => {
    const proxy = await h.serve({ upstreamTimeoutMs: 300 });
    h.fake.enqueue({ kind: 'completion', content: 'abcdefghij', chunks: 5, chunkDelayMs: 5, stallAfterChunks: 2 });
    const res = await fetch(proxy.chatUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: streamBody() });
    expect(res.status).toBe(200);
    const { events } = await readSse(res);
    const last = JSON.parse(events.at(-1)!) as { error?: { code: string; message: string } };
    expect(last.error?.code).toBe('upstream_timeout');
    expect(events).not.toContain('[DONE]');
    await expect(h.fake.requests[0]!.ended).resolves.toBe('aborted');
  });
});

describe('secrets', () => {
  it('never leaked the Azure key in any response above (bodies and headers)', () => {
    expect(h.transcript.length).toBeGreaterThan(0);
    for (const r of h.transcript) {
      expect(r.text).not.toContain(TEST_AZURE_KEY);
      expect(JSON.stringify([...r.headers])).not.toContain(TEST_AZURE_KEY);
    }
  });
});
