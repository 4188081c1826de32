import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** Outcome of one {@link ChatRateLimiter.consume}. */
export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Per-client request budget for the chat endpoint. */
export interface ChatRateLimiter {
  /** `'memory'` (per instance) or `'redis'` (shared by every instance using the same Redis). */
  readonly store: 'memory' | 'redis';
  /**
   * Counts one request for `key`.
   * @throws when the store fails and no fallback could decide.
   */
  consume(key: string): Promise<RateLimitDecision>;
  /** Resolves once the store is usable (Redis connected); rejects with a one-line reason if it cannot connect. */
  ready(): Promise<void>;
  /** Releases the Redis connection, if any. */
  close(): Promise<void>;
}

/** Options for {@link createChatRateLimiter}. */
export interface ChatRateLimiterOptions {
  /** Requests per minute per key (CHAT_RATE_LIMIT). */
  pointsPerMinute: number;
  /** Redis URL (REDIS_URL); `null` for an in-memory limiter. */
  redisUrl: string | null;
  /** Key prefix in Redis; default `executor-chat`. */
  keyPrefix?: string;
  /** Where to report Redis connection trouble (one line each); default `console.warn`. */
  log?: (line: string) => void;
}

/**
 * Creates the chat rate limiter with rate-limiter-flexible: `RateLimiterMemory` by default, or
 * `RateLimiterRedis` over an ioredis client when `redisUrl` is set, so that several server instances
 * share one budget per client. While Redis is unreachable, each instance falls back to an in-memory
 * limiter with the same budget (`insuranceLimiter`), so chat keeps working and stays limited.
 * @param options budget, Redis URL and logger.
 */
export function createChatRateLimiter(options: ChatRateLimiterOptions): ChatRateLimiter {
  const keyPrefix = options.keyPrefix ?? 'executor-chat';
  const base = { points: options.pointsPerMinute, duration: 60, keyPrefix };
  const memory = new RateLimiterMemory(base);
  if (!options.redisUrl) {
    return {
      store: 'memory',
      consume: (key) => decide(memory, key),
      ready: () => Promise.resolve(),
      close: () => Promise.resolve(),
    };
  }

  const log = options.log ?? ((line: string) => console.warn(line));
  const where = describeRedis(options.redisUrl);
  const client = new Redis(options.redisUrl, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 5_000,
    retryStrategy: (times) => Math.min(times * 200, 5_000),
  });
  let reportedDown = false;
  client.on('error', (err: Error) => {
    if (reportedDown) return;
    reportedDown = true;
    log(`[chat proxy] Redis at ${where} is unavailable (${err.message}): rate limits are per instance until it is back.`);
  });
  client.on('ready', () => {
    if (reportedDown) log(`[chat proxy] Redis at ${where} is back: rate limits are shared again.`);
    reportedDown = false;
  });
  const redis = new RateLimiterRedis({
    ...base,
    storeClient: client,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory(base),
  });

  return {
    store: 'redis',
    consume: (key) => decide(redis, key),
    ready: () =>
      client.status === 'ready'
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            const onReady = (): void => {
              client.off('error', onError);
              resolve();
            };
            const onError = (err: Error): void => {
              client.off('ready', onReady);
              reject(
                new Error(`Redis at ${where} is not reachable (${err.message}): check REDIS_URL; rate limits are per instance meanwhile.`),
              );
            };
            client.once('ready', onReady);
            client.once('error', onError);
          }),
    close: async () => {
      if (client.status === 'end') return;
      await client.quit().catch(() => client.disconnect());
    },
  };
}

async function decide(limiter: RateLimiterAbstract, key: string): Promise<RateLimitDecision> {
  try {
    await limiter.consume(key);
    return { allowed: true };
  } catch (rejection: unknown) {
    if (rejection instanceof RateLimiterRes) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
    throw rejection instanceof Error ? rejection : new Error(String(rejection));
  }
}

/** host:port of a Redis URL, without credentials, for log lines. */
function describeRedis(redisUrl: string): string {
  try {
    const url = new URL(redisUrl);
    return `${url.hostname}:${url.port || '6379'}`;
  } catch {
    return '(unparsable REDIS_URL)';
  }
}
