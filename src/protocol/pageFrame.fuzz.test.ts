import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainRefusal } from './explainRefusal.ts';
import { FUZZ } from './fuzzSettings.ts';
import { MAX_FRAME_MESSAGE_CHARS, parseFrameMessage, parsePageMessage } from './pageFrame.ts';

/** Anything a hostile frame (or page) could post: every JSON-able shape, odd prototypes, boxed values, huge strings. */
const anything = fc.anything({
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withTypedArray: true,
  withSparseArray: true,
  withBigInt: true,
  withDate: true,
  maxDepth: 6,
});
/** Keys that reach prototypes when code copies objects carelessly. */
const prototypeKeys = fc.constantFrom('__proto__', 'constructor', 'prototype');
const TYPES = [
  'output',
  'result',
  'notice',
  'call-result',
  'tests-result',
  'asset-request',
  'files-changed',
  'snapshot',
  'debug-paused',
  'nonsense',
];

/** Valid messages of a few kinds, as the frame sends them. */
const validFromFrame = fc.oneof(
  fc.record({
    type: fc.constant('output' as const),
    id: fc.integer(),
    chunks: fc.array(fc.record({ stream: fc.constantFrom('stdout' as const, 'stderr' as const), text: fc.string({ maxLength: 200 }) }), {
      maxLength: 20,
    }),
  }),
  fc.record({
    type: fc.constant('notice' as const),
    level: fc.constantFrom('info' as const, 'warning' as const),
    text: fc.string({ maxLength: 2000 }),
  }),
  fc.record({
    type: fc.constant('asset-request' as const),
    id: fc.integer(),
    url: fc.webUrl(),
    integrity: fc.option(fc.string({ maxLength: 100 }), { nil: null }),
    accept: fc.option(fc.string({ maxLength: 100 }), { nil: null }),
  }),
  fc.record({
    type: fc.constant('download' as const),
    tick: fc.record({
      url: fc.webUrl(),
      batch: fc.nat(),
      loaded: fc.nat(),
      total: fc.option(fc.integer({ min: 1 }), { nil: null }),
      done: fc.boolean(),
    }),
  }),
);

describe('the page↔frame protocol, with generated inputs', () => {
  it('parses every valid message it is given back as it was', () => {
    fc.assert(
      fc.property(validFromFrame, (msg) => {
        expect(parseFrameMessage(msg)).toEqual(msg);
      }),
      FUZZ,
    );
  });

  it('never throws on anything the frame could post: it parses it or refuses it with a reason', () => {
    fc.assert(
      fc.property(fc.oneof(anything, fc.record({ type: fc.constantFrom(...TYPES), id: fc.anything(), chunks: anything })), (data) => {
        const parsed = parseFrameMessage(data);
        if (parsed === null) {
          const refusal = explainRefusal(data);
          expect(refusal.reason.length).toBeGreaterThan(0);
        }
        expect(parsePageMessage(data) === null || typeof parsePageMessage(data) === 'object').toBe(true);
      }),
      FUZZ,
    );
  });

  it('refuses extra prototype keys without touching Object.prototype, and refuses huge and deeply nested messages', () => {
    fc.assert(
      fc.property(validFromFrame, prototypeKeys, fc.oneof(fc.constant({ polluted: true }), anything), (msg, key, value) => {
        const hostile = JSON.parse(JSON.stringify(msg)) as Record<string, unknown>;
        Object.defineProperty(hostile, key, { value, enumerable: true, configurable: true, writable: true });
        const parsed = parseFrameMessage(hostile);
        expect(parsed === null || typeof parsed === 'object').toBe(true);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      FUZZ,
    );
    const huge = { type: 'notice', level: 'info', text: 'x'.repeat(MAX_FRAME_MESSAGE_CHARS + 1) };
    expect(parseFrameMessage(huge)).toBeNull();
    expect(explainRefusal(huge).reason).toMatch(/over the page's .*-character message limit/);
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const nested = { type: 'output', id: 1, chunks: deep };
    expect(parseFrameMessage(nested)).toBeNull();
    expect(explainRefusal(nested).reason.length).toBeGreaterThan(0);
  });
});
