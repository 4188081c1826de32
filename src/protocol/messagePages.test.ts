import { describe, expect, it } from 'vitest';
import { createMessageAssembler, MAX_PAGES, messagePageSchema, pagesOf, type MessagePage } from './messagePages.ts';

const big = (chars: number) => ({ type: 'call-result', id: 7, response: { ok: true, value: 'x'.repeat(chars) } });
const asPages = (list: unknown[]) => list as MessagePage[];

describe('pagesOf', () => {
  it('leaves a message that fits, and any message that is not a reply, as it is', () => {
    const small = big(10);
    expect(pagesOf(small, 1000)).toEqual([small]);
    const output = { type: 'output', id: 1, chunks: [{ stream: 'stdout', text: 'y'.repeat(5000) }] };
    expect(pagesOf(output, 1000)).toEqual([output]);
    expect(pagesOf({ type: 'state', state: 'ready' }, 1)).toHaveLength(1);
  });

  it('cuts a reply over the limit into numbered pages of its JSON, each a valid page message', () => {
    const msg = big(2500);
    const pages = asPages(pagesOf(msg, 1000, 1000));
    expect(pages.length).toBe(Math.ceil(JSON.stringify(msg).length / 1000));
    expect(pages.map((p) => [p.type, p.id, p.of, p.index, p.count])).toEqual(
      pages.map((_, i) => ['page', 7, 'call-result', i, pages.length]),
    );
    for (const p of pages) expect(messagePageSchema.safeParse(p).success).toBe(true);
    expect(JSON.parse(pages.map((p) => p.text).join(''))).toEqual(msg);
  });
});

describe('createMessageAssembler', () => {
  it('puts the pages of a message back together, in order, and then forgets them', () => {
    const msg = big(5000);
    const assembler = createMessageAssembler(100_000);
    const outcomes = asPages(pagesOf(msg, 1000, 1000)).map((p) => assembler.add(p));
    expect(outcomes.slice(0, -1).every((o) => o.kind === 'more')).toBe(true);
    expect(outcomes.at(-1)).toEqual({ kind: 'whole', data: msg, chars: JSON.stringify(msg).length });
  });

  it('refuses pages that skip, repeat or change what they claimed, naming the reply they belong to', () => {
    const pages = asPages(pagesOf(big(5000), 1000, 1000));
    const skipped = createMessageAssembler();
    skipped.add(pages[0] as MessagePage);
    expect(skipped.add(pages[2] as MessagePage)).toMatchObject({
      kind: 'refused',
      type: 'call-result',
      id: 7,
      reason: expect.stringMatching(/out of order/),
    });
    const headless = createMessageAssembler();
    expect(headless.add(pages[1] as MessagePage)).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/without page 1/) });
    const changed = createMessageAssembler();
    changed.add(pages[0] as MessagePage);
    expect(changed.add({ ...(pages[1] as MessagePage), of: 'result' })).toMatchObject({ kind: 'refused', id: 7 });
  });

  it('refuses pages that are not JSON once put together', () => {
    const assembler = createMessageAssembler();
    assembler.add({ type: 'page', id: 3, of: 'result', index: 0, count: 2, text: '{"type":' });
    expect(assembler.add({ type: 'page', id: 3, of: 'result', index: 1, count: 2, text: 'oops' })).toMatchObject({
      kind: 'refused',
      type: 'result',
      id: 3,
      reason: expect.stringMatching(/not JSON/),
    });
  });

  it('holds no more than its limit of unfinished pages, across all messages at once', () => {
    const assembler = createMessageAssembler(2500);
    const page = (id: number, index: number): MessagePage => ({
      type: 'page',
      id,
      of: 'result',
      index,
      count: MAX_PAGES,
      text: 'z'.repeat(1000),
    });
    expect(assembler.add(page(1, 0)).kind).toBe('more');
    expect(assembler.add(page(2, 0)).kind).toBe('more');
    expect(assembler.add(page(3, 0))).toMatchObject({ kind: 'refused', id: 3, reason: expect.stringMatching(/2,500-character limit/) });
    // A refused or replaced message frees what it held.
    expect(assembler.add(page(1, 0)).kind).toBe('more');
    assembler.clear();
    expect(assembler.add(page(3, 0)).kind).toBe('more');
    expect(assembler.add(page(4, 0)).kind).toBe('more');
  });
});
