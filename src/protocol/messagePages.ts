/**
 * Paging on the frame → page channel: one message stays capped (MAX_FRAME_MESSAGE_CHARS), but a reply that does not
 * fit in one (a coverage result of a thousand files, a large table) is sent as consecutive 'page' messages, each a
 * slice of its JSON, and put back together by the page before it is checked like any message. Never refused for its
 * size alone, up to MAX_PAGED_MESSAGE_CHARS in all.
 */
import * as z from 'zod';

/** Characters of JSON in one page (well under the one-message cap, leaving room for the envelope). */
export const PAGE_CHARS = 1_000_000;
/** Largest message the page puts back together, in characters of JSON (and most it holds for unfinished ones). */
export const MAX_PAGED_MESSAGE_CHARS = 64_000_000;
/** Most pages one message may have. */
export const MAX_PAGES = Math.ceil(MAX_PAGED_MESSAGE_CHARS / PAGE_CHARS);

/** Replies that may be paged: each answers a request by its id, so a refusal can end that request's wait. */
export const PAGEABLE_TYPES = [
  'result',
  'call-result',
  'tests-result',
  'language-result',
  'test-records',
  'display',
  'debug-paused',
  'debug-answer',
] as const;
/** A message kind that may be paged. */
export type PageableType = (typeof PAGEABLE_TYPES)[number];

/** One page of a message: `text` is the slice `index` (from 0) of `count` of the message's JSON. */
export const messagePageSchema = z.object({
  type: z.literal('page'),
  /** The id of the paged message (its request's id). */
  id: z.number().int(),
  /** The paged message's own type. */
  of: z.enum(PAGEABLE_TYPES),
  index: z.number().int().min(0),
  count: z.number().int().min(2).max(MAX_PAGES),
  text: z.string().max(PAGE_CHARS),
});
/** One page of a message too large for one. */
export type MessagePage = z.infer<typeof messagePageSchema>;

const pageable = new Set<string>(PAGEABLE_TYPES);

/**
 * The messages to post for `msg`: itself when it fits in `limit` characters of JSON or is not a pageable reply,
 * else its pages. Only pageable replies are measured (one JSON.stringify each), so output and state stay cheap.
 */
export function pagesOf<M extends { type: string }>(msg: M, limit: number, pageChars = PAGE_CHARS): Array<M | MessagePage> {
  const id = (msg as { id?: unknown }).id;
  if (!pageable.has(msg.type) || typeof id !== 'number') return [msg];
  let json: string;
  try {
    json = JSON.stringify(msg);
  } catch {
    return [msg]; // the page will refuse it and say why
  }
  if (json.length <= limit) return [msg];
  const count = Math.ceil(json.length / pageChars);
  const of = msg.type as PageableType;
  return Array.from({ length: count }, (_, index) => ({
    type: 'page' as const,
    id,
    of,
    index,
    count,
    text: json.slice(index * pageChars, (index + 1) * pageChars),
  }));
}

/** What the assembler makes of one page. */
export type PageOutcome =
  /** More pages are due. */
  | { kind: 'more' }
  /** The last page came: the whole message, parsed from JSON but not yet checked. */
  | { kind: 'whole'; data: unknown; chars: number }
  /** The pages do not make a message: what they claimed to be and why not. */
  | { kind: 'refused'; type: PageableType; id: number; reason: string };

/** Puts paged messages back together, holding at most `maxChars` of unfinished pages at once. */
export interface MessageAssembler {
  add(page: MessagePage): PageOutcome;
  /** Drops every unfinished message (the frame was replaced). */
  clear(): void;
}

/** Creates an assembler; pages of one message must come in order, as postMessage delivers them. */
export function createMessageAssembler(maxChars = MAX_PAGED_MESSAGE_CHARS): MessageAssembler {
  const open = new Map<number, { of: PageableType; count: number; parts: string[]; chars: number }>();
  let held = 0;
  const drop = (id: number): void => {
    held -= open.get(id)?.chars ?? 0;
    open.delete(id);
  };
  const refuse = (page: MessagePage, reason: string): PageOutcome => {
    drop(page.id);
    return { kind: 'refused', type: page.of, id: page.id, reason };
  };
  return {
    add(page) {
      const entry = open.get(page.id);
      if (page.index === 0 && entry) drop(page.id);
      const current = page.index === 0 ? { of: page.of, count: page.count, parts: [], chars: 0 } : entry;
      if (!current) return refuse(page, `its page ${page.index + 1} came without page 1`);
      if (current.of !== page.of || current.count !== page.count || current.parts.length !== page.index) {
        return refuse(page, `its pages came out of order (page ${page.index + 1} of ${page.count})`);
      }
      if (held + page.text.length > maxChars) {
        return refuse(page, `it is over the page's ${maxChars.toLocaleString('en')}-character limit for a result sent in pages`);
      }
      current.parts.push(page.text);
      current.chars += page.text.length;
      held += page.text.length;
      open.set(page.id, current);
      if (current.parts.length < current.count) return { kind: 'more' };
      const json = current.parts.join('');
      drop(page.id);
      try {
        return { kind: 'whole', data: JSON.parse(json) as unknown, chars: json.length };
      } catch {
        return refuse(page, 'its pages do not make a message (not JSON)');
      }
    },
    clear() {
      open.clear();
      held = 0;
    },
  };
}
