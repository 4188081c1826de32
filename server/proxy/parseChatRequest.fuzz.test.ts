import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ } from '../../src/protocol/fuzzSettings.ts';
import { parseChatRequest } from './parseChatRequest.ts';
import { ProxyError } from './ProxyError.ts';

const LIMITS = { maxMessages: 40, maxTokens: 4096 };
const role = fc.constantFrom('system', 'user', 'assistant', 'tool', 'developer', 'admin', '__proto__');

/** What a client (or an attacker) could send as the request body: any text, any JSON, near-misses of a chat request. */
const body = fc.oneof(
  fc.string({ maxLength: 500 }),
  fc.json({ maxDepth: 6 }),
  fc
    .record(
      {
        messages: fc.array(fc.record({ role, content: fc.oneof(fc.string(), fc.anything()) }, { requiredKeys: [] }), { maxLength: 60 }),
        max_tokens: fc.oneof(fc.integer(), fc.double(), fc.string()),
        temperature: fc.oneof(fc.double(), fc.string()),
        stream: fc.anything(),
        model: fc.string(),
        __proto__: fc.anything(),
      },
      { requiredKeys: [] },
    )
    .map((o) => JSON.stringify(o) ?? ''),
);

describe('the chat proxy request parser, with generated inputs', () => {
  it('answers every body with a forwarded request within the limits or a 400 that says what is wrong, never anything else', () => {
    fc.assert(
      fc.property(body, (text) => {
        try {
          const parsed = parseChatRequest(text, LIMITS);
          expect(parsed.messages.length).toBeLessThanOrEqual(LIMITS.maxMessages);
          expect(parsed.max_tokens ?? 0).toBeLessThanOrEqual(LIMITS.maxTokens);
          expect(parsed).not.toHaveProperty('model');
        } catch (err) {
          expect(err).toBeInstanceOf(ProxyError);
          expect((err as ProxyError).status).toBe(400);
          expect((err as ProxyError).message.length).toBeGreaterThan(10);
        }
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      FUZZ,
    );
  });
});
