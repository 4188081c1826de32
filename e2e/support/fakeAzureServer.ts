/**
 * The fake Azure OpenAI for the LLM-mode end-to-end tests, run by playwright.config.ts
 * on E2E_FAKE_AZURE_PORT. It fronts server/testing/fakeAzureOpenAI.ts (which listens on a
 * random port) and adds a small control API, because the tests run in another process:
 *
 * - `POST /__control/script` `{ replies: FakeReply[], echoToolResults?: boolean }`: resets the fake and
 *   queues the replies; with `echoToolResults`, a request whose last message is a tool result is
 *   answered with a completion that quotes that result (so the final answer provably saw it);
 * - `GET /__control/requests`: the chat request bodies received so far.
 */
import { createServer, request as httpRequest } from 'node:http';
import { startFakeAzureOpenAI, type FakeReply } from '../../server/testing/fakeAzureOpenAI.ts';
import { FAKE_AZURE_DEPLOYMENT, FAKE_AZURE_KEY } from './fakeAzureConfig.ts';

const port = Number(process.env.E2E_FAKE_AZURE_PORT ?? 4193);
const fake = await startFakeAzureOpenAI({ apiKey: FAKE_AZURE_KEY, deployments: [FAKE_AZURE_DEPLOYMENT] });
const target = new URL(fake.endpoint);
let echoToolResults = false;
const bodies: unknown[] = [];

function quoteToolResult(content: string): string {
  try {
    const parsed = JSON.parse(content) as { summary?: string; result?: { stdout?: string } };
    return `The tool reported: ${parsed.summary ?? ''} Output: ${(parsed.result?.stdout ?? '').trim()}`;
  } catch {
    return `The tool reported: ${content.slice(0, 200)}`;
  }
}

createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const raw = Buffer.concat(chunks);
    if (req.url === '/') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('fake azure openai');
    if (req.url === '/__control/script' && req.method === 'POST') {
      const body = JSON.parse(raw.toString('utf8')) as { replies?: FakeReply[]; echoToolResults?: boolean };
      fake.reset();
      bodies.length = 0;
      echoToolResults = body.echoToolResults === true;
      fake.enqueue(...(body.replies ?? []));
      return void res.writeHead(204).end();
    }
    if (req.url === '/__control/requests')
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(bodies));
    let body: { messages?: Array<{ role: string; content: string }> } | undefined;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      body = undefined;
    }
    if (body) bodies.push(body);
    const last = body?.messages?.at(-1);
    if (echoToolResults && last?.role === 'tool')
      fake.enqueue({ kind: 'completion', content: quoteToolResult(String(last.content)), chunks: 4 });
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    upstream.end(raw);
  });
}).listen(port, '127.0.0.1', () => console.log(`fake Azure OpenAI on http://127.0.0.1:${port}`));
