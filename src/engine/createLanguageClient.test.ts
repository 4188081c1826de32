import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LanguageQuery, LanguageRequest } from '../protocol/language.ts';
import { createLanguageClient, LANGUAGE_TIMEOUT_MS, type LanguageClientDeps } from './createLanguageClient.ts';

const query: LanguageQuery = { kind: 'complete', path: 'main.py', code: 'x.', line: 1, column: 3 };
const files = [{ path: 'calc.py', content: 'x = 1' }];
const ok = { ok: true as const, value: { kind: 'complete' as const, items: [] } };

function setup(over: Partial<LanguageClientDeps> = {}) {
  const posted: Array<{ id: number; request: LanguageRequest }> = [];
  let id = 1;
  const deps: LanguageClientDeps = {
    nextId: () => id++,
    post: (msg) => void posted.push({ id: msg.id, request: msg.request }),
    listNames: vi.fn(async () => ({
      rows: [
        { name: 'data', type: 'dict', kind: 'value' as const, size: '1 item', repr: '{}', expandable: true },
        { name: 'math', type: 'module', kind: 'module' as const, size: null, repr: '', expandable: false },
      ],
      total: 2,
      offset: 0,
    })),
    isRunning: () => false,
    sessionPackages: () => ({ specs: [], pypiIndex: null }),
    ...over,
  };
  const client = createLanguageClient(deps);
  /** Waits for the request to be posted (names are asked for first), then answers it. */
  const answerNext = async (response = ok) => {
    await vi.waitFor(() => expect(posted.length).toBeGreaterThan(0));
    const next = posted.at(-1) as { id: number };
    client.receive(next.id, response);
  };
  return { client, posted, deps, answerNext };
}

afterEach(() => vi.useRealTimers());

describe('createLanguageClient', () => {
  it("sends the session's packages with each question, so the language interpreter has them too", async () => {
    const { client, posted, answerNext } = setup({ sessionPackages: () => ({ specs: ['sympy', 'humanize==4.9.0'], pypiIndex: 'pypi' }) });
    const answered = client.ask(query, files);
    await answerNext();
    await answered;
    expect(posted[0]?.request).toMatchObject({ packages: ['sympy', 'humanize==4.9.0'], pypiIndex: 'pypi' });
  });

  it("sends the files and the run's value names once, and again only when they change", async () => {
    const { client, posted, answerNext } = setup();
    const first = client.ask(query, files);
    await answerNext();
    await expect(first).resolves.toEqual(ok);
    expect(posted[0]?.request).toEqual({ query, files, names: [['data', 'dict']] });
    const second = client.ask(query, [{ ...files[0] } as (typeof files)[number]]);
    await answerNext();
    await second;
    expect(posted[1]?.request).toEqual({ query });
    client.namesChanged();
    const third = client.ask(query, [{ path: 'calc.py', content: 'x = 2' }]);
    await answerNext();
    await third;
    expect(posted[2]?.request).toEqual({ query, files: [{ path: 'calc.py', content: 'x = 2' }], names: [['data', 'dict']] });
  });

  it('does not ask a running interpreter for names, and goes on without them when it cannot say', async () => {
    const running = setup({ isRunning: () => true });
    const a = running.client.ask(query, []);
    await running.answerNext();
    await a;
    expect(running.deps.listNames).not.toHaveBeenCalled();
    const failing = setup({ listNames: async () => Promise.reject(new Error('restarted')) });
    const b = failing.client.ask(query, []);
    await failing.answerNext();
    await b;
    expect(failing.posted[0]?.request.names).toBeUndefined();
  });

  it('ends pending questions when the frame is replaced, and sends the files again to the new one', async () => {
    const { client, posted, answerNext } = setup();
    const pending = client.ask(query, files);
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    client.frameReplaced('The sandbox stopped answering.');
    await expect(pending).resolves.toEqual({ ok: false, error: 'The sandbox stopped answering.' });
    const again = client.ask(query, files);
    await answerNext();
    await again;
    expect(posted[1]?.request.files).toEqual(files);
  });

  it('gives up on an answer that does not come', async () => {
    vi.useFakeTimers();
    const { client, posted } = setup({ isRunning: () => true });
    const pending = client.ask(query, files);
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    vi.advanceTimersByTime(LANGUAGE_TIMEOUT_MS);
    await expect(pending).resolves.toEqual({ ok: false, error: 'The language interpreter did not answer in time.' });
    // The files may never have arrived: they go again.
    const next = client.ask(query, files);
    await vi.waitFor(() => expect(posted).toHaveLength(2));
    expect(posted[1]?.request.files).toEqual(files);
    client.receive(posted[1]?.id ?? 0, ok);
    await next;
  });
});
