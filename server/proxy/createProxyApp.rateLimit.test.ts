// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createProxyHarness, type ProxyHarness, type SeenResponse } from '../testing/proxyTestHarness.ts';
import { redisServerAvailable, REDIS_SERVER_PATH, startRedisServer, type TestRedis } from '../testing/startRedisServer.ts';
import { createChatRateLimiter } from './createChatRateLimiter.ts';

const hi = { messages: [{ role: 'user', content: 'Hi' }] };
const codeOf = (r: SeenResponse): string => (JSON.parse(r.text) as { error: { code: string } }).error.code;

let h: ProxyHarness;
beforeAll(async () => {
  h = await createProxyHarness();
});
afterEach(() => h.fake.reset());
afterAll(async () => {
  await h.closeAll();
});

describe('per-client rate limit (memory)', () => {
  it('answers 429 JSON with Retry-After once the limit is used up', async () => {
    const proxy = await h.serve({ rateLimitPerMinute: 3 });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await proxy.chat(hi)).status);
    expect(statuses).toEqual([200, 200, 200]);
    const limited = await proxy.chat(hi);
    expect(limited.status).toBe(429);
    expect(codeOf(limited)).toBe('rate_limited');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(h.fake.requests).toHaveLength(3);
  });

  it('ignores X-Forwarded-For when TRUST_PROXY is 0 (no bypass by spoofing)', async () => {
    const proxy = await h.serve({ rateLimitPerMinute: 2, trustProxy: 0 });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await proxy.chat(hi, { 'x-forwarded-for': `198.51.100.${i}` })).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('counts each forwarded client separately when TRUST_PROXY is 1', async () => {
    const proxy = await h.serve({ rateLimitPerMinute: 2, trustProxy: 1 });
    const a = { 'x-forwarded-for': 'spoof, 198.51.100.1' };
    const b = { 'x-forwarded-for': 'spoof, 198.51.100.2' };
    const statuses = [];
    for (const headers of [a, a, a, b, b, b]) statuses.push((await proxy.chat(hi, headers)).status);
    expect(statuses).toEqual([200, 200, 429, 200, 200, 429]);
  });
});

describe.skipIf(!redisServerAvailable())(`shared rate limit in Redis (needs ${REDIS_SERVER_PATH})`, () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('shares one budget per client across two proxy instances', async () => {
    const one = await h.serve({ rateLimitPerMinute: 3, redisUrl: redis.url });
    const two = await h.serve({ rateLimitPerMinute: 3, redisUrl: redis.url });
    await Promise.all([one.app.ready(), two.app.ready()]);
    const statuses = [(await one.chat(hi)).status, (await two.chat(hi)).status, (await one.chat(hi)).status, (await two.chat(hi)).status];
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await one.chat(hi);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('falls back to a per-instance memory limit when Redis is unreachable', async () => {
    const lines: string[] = [];
    const downUrl = redis.url.replace(/:\d+$/, ':1');
    const limiter = createChatRateLimiter({ pointsPerMinute: 2, redisUrl: downUrl, log: (l) => lines.push(l) });
    try {
      await expect(limiter.ready()).rejects.toThrow(/Redis at 127\.0\.0\.1:1 is not reachable .*check REDIS_URL/);
      const decisions = [await limiter.consume('k'), await limiter.consume('k'), await limiter.consume('k')];
      expect(decisions.map((d) => d.allowed)).toEqual([true, true, false]);
      expect(lines[0]).toMatch(/Redis at 127\.0\.0\.1:1 is unavailable/);
    } finally {
      await limiter.close();
    }
  });
});

if (!redisServerAvailable()) {
  it.skip(`Redis tests skipped: ${REDIS_SERVER_PATH} is missing (apt-get install redis-server)`, () => undefined);
}
