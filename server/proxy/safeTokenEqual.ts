import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a presented token with the expected one in constant time
 * (both are hashed first, so neither length nor content leaks through timing).
 * @param presented what the client sent.
 * @param expected the configured token.
 */
export function safeTokenEqual(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}
