import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../config/settings.ts';
import { FUZZ } from '../protocol/fuzzSettings.ts';
import { buildShareLink, sessionFromHash } from './shareLink.ts';
import { readSessionText, sessionDocumentText, toSessionDocument } from './sessionDocument.ts';

/** Sessions a person could make: a few files (text or bytes) at safe paths, settings within their ranges. */
const session = fc
  .record({
    name: fc.string({ minLength: 1, maxLength: 40 }).filter((n) => n.trim() !== ''),
    paths: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}(\/[a-z][a-z0-9_]{0,8})?\.(py|txt|bin)$/), { minLength: 1, maxLength: 5 }),
    texts: fc.array(fc.string({ maxLength: 200 }), { minLength: 5, maxLength: 5 }),
    bytes: fc.uint8Array({ maxLength: 64 }),
    timeoutSeconds: fc.integer({ min: 1, max: 300 }),
    sandboxMode: fc.boolean(),
    autoLoad: fc.boolean(),
  })
  .map((s) =>
    toSessionDocument({
      name: s.name,
      files: s.paths.map((path, i) => (path.endsWith('.bin') ? { path, bytes: s.bytes } : { path, content: s.texts[i] ?? '' })),
      activePath: s.paths[0] ?? 'main.py',
      settings: { ...DEFAULT_SETTINGS, timeoutSeconds: s.timeoutSeconds, sandboxMode: s.sandboxMode },
      packages: { autoLoad: s.autoLoad, load: [] },
    }),
  );

describe('session documents (files and links from anyone), with generated inputs', () => {
  it('a session written as a file reads back as it was', () => {
    fc.assert(
      fc.property(session, (doc) => {
        const read = readSessionText(sessionDocumentText(doc));
        expect(read).toEqual({ ok: true, doc });
      }),
      FUZZ,
    );
  });

  it('a session without binary files round-trips through a share link', () => {
    fc.assert(
      fc.property(session, (doc) => {
        const text = { ...doc, files: doc.files.filter((f) => 'content' in f) };
        fc.pre(text.files.length > 0 && text.files.some((f) => f.path === doc.activePath));
        const link = buildShareLink(text, 'https://executor.example/');
        fc.pre(link.ok);
        const read = link.ok ? sessionFromHash(new URL(link.url).hash) : null;
        expect(read).toMatchObject({ ok: true, doc: text });
      }),
      FUZZ,
    );
  });

  it('any text, and any JSON, is read or refused with a reason; never thrown, nothing polluted', () => {
    const json = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v)),
      // A real document with one field swapped for something else, or a prototype key added.
      fc
        .tuple(
          session,
          fc.constantFrom('name', 'files', 'settings', 'packages', 'activePath', 'version', '__proto__', 'constructor'),
          fc.jsonValue({ maxDepth: 3 }),
        )
        .map(([doc, key, value]) => JSON.stringify(doc).replace(/^\{/, `{${JSON.stringify(key)}:${JSON.stringify(value)},`)),
    );
    fc.assert(
      fc.property(json, (text) => {
        const read = readSessionText(text);
        if (!read.ok) expect(read.problem.length).toBeGreaterThan(0);
        expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
        expect(Object.prototype).not.toHaveProperty('name');
      }),
      FUZZ,
    );
  });
});
