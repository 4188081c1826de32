// @vitest-environment node
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { azureErrors, type FakeReply } from '../testing/fakeAzureOpenAI.ts';
import { createProxyHarness, TEST_AZURE_KEY, type ProxyHarness, type SeenResponse } from '../testing/proxyTestHarness.ts';

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

describe('upstream errors become JSON that says what to fix', () => {
  const cases: Array<{ name: string; reply: FakeReply; status: number; code: string; message: RegExp; retryAfter?: string }> = [
    {
      name: '401 bad key',
      reply: azureErrors.invalidKey(),
      status: 502,
      code: 'upstream_auth_failed',
      message: /^Azure OpenAI rejected the API key \(401\): check AZURE_OPENAI_API_KEY on the server/,
    },
    {
      name: '403 forbidden',
      reply: azureErrors.forbidden(),
      status: 502,
      code: 'upstream_forbidden',
      message: /refused access \(403\).*firewall/,
    },
    {
      name: '404 DeploymentNotFound',
      reply: azureErrors.deploymentNotFound(),
      status: 502,
      code: 'upstream_deployment_not_found',
      message: /no deployment named "gpt-test" \(404 DeploymentNotFound\): set AZURE_OPENAI_DEPLOYMENT/,
    },
    {
      name: '404 resource not found',
      reply: { kind: 'error', status: 404, code: '404', message: 'Resource not found' },
      status: 502,
      code: 'upstream_not_found',
      message: /check AZURE_OPENAI_ENDPOINT.*AZURE_OPENAI_API_VERSION/,
    },
    {
      name: '429 upstream rate limit',
      reply: azureErrors.rateLimited(7),
      status: 429,
      code: 'upstream_rate_limited',
      message: /rate limiting this deployment \(429\): wait 7 s/,
      retryAfter: '7',
    },
    {
      name: '500 internal error',
      reply: azureErrors.serverError(),
      status: 502,
      code: 'upstream_error',
      message: /internal error \(500\): try again/,
    },
    {
      name: '400 content filter',
      reply: azureErrors.contentFilter(),
      status: 400,
      code: 'upstream_content_filter',
      message: /content filter blocked this prompt/,
    },
  ];

  for (const c of cases) {
    it(`maps ${c.name}`, async () => {
      const proxy = await h.serve();
      for (const stream of [false, true]) {
        h.fake.enqueue(c.reply);
        const res = await proxy.chat({ ...hi, stream });
        expect(res.status, `stream=${stream}`).toBe(c.status);
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        expect(errorOf(res).code).toBe(c.code);
        expect(errorOf(res).message).toMatch(c.message);
        expect(res.headers.get('retry-after')).toBe(c.retryAfter ?? null);
      }
      expect(h.fake.requests).toHaveLength(2); // no silent retries
    });
  }

  it('maps a real wrong key and a real missing deployment from the fake', async () => {
    const wrongKey = 'wrong-azure-key-abcdef123456';
    const badKey = await h.serve({ llm: { mode: 'azure-v1', endpoint: h.fake.endpoint, apiKey: wrongKey, deployment: 'gpt-test' } });
    const r1 = await badKey.chat(hi);
    expect(errorOf(r1).code).toBe('upstream_auth_failed');
    expect(r1.text).not.toContain(wrongKey);

    const badDeployment = await h.serve({
      llm: {
        mode: 'azure-versioned',
        endpoint: h.fake.endpoint,
        apiKey: TEST_AZURE_KEY,
        deployment: 'gpt-missing',
        apiVersion: '2024-10-21',
      },
    });
    const r2 = await badDeployment.chat(hi);
    expect(errorOf(r2).code).toBe('upstream_deployment_not_found');
    expect(errorOf(r2).message).toContain('"gpt-missing"');
  });

  it('maps connection refused to 502 upstream_unreachable', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
      });
    });
    const proxy = await h.serve({
      llm: { mode: 'azure-v1', endpoint: `http://127.0.0.1:${closedPort}`, apiKey: TEST_AZURE_KEY, deployment: 'gpt-test' },
    });
    const res = await proxy.chat(hi);
    expect(res.status).toBe(502);
    expect(errorOf(res).code).toBe('upstream_unreachable');
    expect(errorOf(res).message).toMatch(/could not reach Azure OpenAI \(connection refused\): check AZURE_OPENAI_ENDPOINT/);
    expect(res.text).not.toContain(String(closedPort));
  });

  it('scrubs the key out of upstream error text', async () => {
    const proxy = await h.serve();
    h.fake.enqueue({ kind: 'error', status: 400, code: 'invalid_value', message: `Key ${TEST_AZURE_KEY} is not valid for this field` });
    const res = await proxy.chat(hi);
    expect(res.status).toBe(400);
    expect(errorOf(res).code).toBe('upstream_bad_request');
    expect(errorOf(res).message).toContain('Key [redacted] is not valid');
    expect(res.text).not.toContain(TEST_AZURE_KEY);
  });
});

describe('secrets', () => {
  it('never leaked the Azure key in any response above (bodies and headers)', async () => {
    // Add a success, a stream and the health check to the error responses recorded above.
    const proxy = await h.serve();
    await proxy.chat(hi);
    await proxy.chat({ ...hi, stream: true });
    await proxy.request('/api/health');
    expect(h.transcript.length).toBeGreaterThanOrEqual(20);
    expect(h.transcript.some((r) => r.status === 200)).toBe(true);
    for (const r of h.transcript) {
      expect(r.text).not.toContain(TEST_AZURE_KEY);
      expect(JSON.stringify([...r.headers])).not.toContain(TEST_AZURE_KEY);
    }
  });
});
