import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../config/settings.ts';
import { codeFromUrl, codeToHash } from './codeFromUrl.ts';
import { buildShareLink, sessionFromHash, sessionToHash } from './shareLink.ts';
import { toSessionDocument, type SessionDocument } from './sessionDocument.ts';
import { MAX_LINK_PAYLOAD_CHARS, MAX_SESSION_FILES } from './sessionLimits.ts';

const doc = (content = 'print("hello")\n'): SessionDocument =>
  toSessionDocument({
    name: 'Shared',
    files: [
      { path: 'main.py', content },
      { path: 'helpers.py', content: 'def help():\n    return 42\n' },
    ],
    activePath: 'main.py',
    settings: { ...DEFAULT_SETTINGS, maxMemoryMB: 256 },
    packages: { autoLoad: true, load: [] },
  });

const hashOf = (value: unknown) => `#s/1/${compressToEncodedURIComponent(JSON.stringify(value))}`;
const errorOf = (hash: string): string => {
  const read = sessionFromHash(hash);
  if (!read || read.ok) throw new Error(`expected ${hash.slice(0, 30)} to be refused`);
  return read.error;
};

describe('session links', () => {
  it('round-trips a session through the link', () => {
    const original = doc();
    const link = buildShareLink(original, 'https://executor.example/');
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    expect(link.url.startsWith('https://executor.example/#s/1/')).toBe(true);
    expect(link.payloadChars).toBe(link.url.length - 'https://executor.example/#s/1/'.length);
    expect(sessionFromHash(new URL(link.url).hash)).toEqual({ ok: true, doc: original });
  });

  it('ignores other hashes, so #code/ links keep working', () => {
    expect(sessionFromHash('')).toBeNull();
    expect(sessionFromHash(codeToHash('print(1)'))).toBeNull();
    expect(codeFromUrl(sessionToHash(doc()))).toBeNull();
  });

  it('refuses a link over the size cap, and says to export a file instead', () => {
    // Random text does not compress: enough of it passes the cap.
    let seed = 7;
    const noise = Array.from({ length: 12_000 }, () => String.fromCharCode(33 + ((seed = (seed * 48271) % 2147483647) % 90))).join('');
    const link = buildShareLink(doc(noise), 'https://executor.example/');
    expect(link.ok).toBe(false);
    if (link.ok) return;
    expect(link.payloadChars).toBeGreaterThan(MAX_LINK_PAYLOAD_CHARS);
    expect(link.error).toMatch(/too large for a link: its open file alone.*over 8\.0 KB.*Export it as a session file instead/);
    expect(errorOf(sessionToHash(doc(noise)))).toMatch(/over the 8\.0 KB a link may carry/);
  });

  it('carries what fits: binary files and then the largest text files are left out, and named', () => {
    let seed = 3;
    const noise = Array.from({ length: 12_000 }, () => String.fromCharCode(33 + ((seed = (seed * 48271) % 2147483647) % 90))).join('');
    const full = toSessionDocument({
      ...doc(),
      files: [
        { path: 'main.py', content: 'print("hello")\n' },
        { path: 'helpers.py', content: 'def help():\n    return 42\n' },
        { path: 'data/noise.txt', content: noise },
        { path: 'plot.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0]) },
      ],
    });
    const link = buildShareLink(full, 'https://executor.example/');
    expect(link).toMatchObject({ ok: true, leftOut: ['data/noise.txt', 'plot.png'] });
    if (!link.ok) return;
    const read = sessionFromHash(new URL(link.url).hash);
    expect(read?.ok && read.doc.files.map((f) => f.path)).toEqual(['main.py', 'helpers.py']);
  });

  it('refuses a cut-short link', () => {
    const hash = sessionToHash(doc());
    expect(errorOf(hash.slice(0, Math.floor(hash.length / 2)))).toMatch(/could not be read \(it may be cut short or altered\)/);
    expect(errorOf('#s/1/')).toMatch(/holds no session/);
    expect(errorOf('#s/1')).toMatch(/cut short/);
  });

  it('refuses a tampered link', () => {
    const hash = sessionToHash(doc());
    const middle = Math.floor(hash.length / 2);
    const flipped = hash.slice(0, middle) + (hash[middle] === 'A' ? 'B' : 'A') + hash.slice(middle + 1);
    expect(errorOf(flipped)).toMatch(/^This session link was not opened: .*Your current session was not changed\.$/);
    expect(errorOf(`${hash.slice(0, 20)}%3Cscript%3E${hash.slice(20)}`)).toMatch(/characters a session link never has/);
    expect(errorOf(`#s/1/${compressToEncodedURIComponent('{"format": "executor-session", "vers')}`)).toMatch(/could not be read/);
  });

  it('refuses unknown versions, in the hash and in the document', () => {
    expect(errorOf(`#s/2/${sessionToHash(doc()).slice(5)}`)).toMatch(/newer Executor \(link version 2; this page reads version 1\)/);
    expect(errorOf(`#s/x/${sessionToHash(doc()).slice(5)}`)).toMatch(/version "x" is not one Executor knows/);
    expect(errorOf(hashOf({ ...doc(), version: 3 }))).toMatch(/newer Executor \(session version 3/);
  });

  it('refuses wrong types, bad paths and huge file counts with one message each', () => {
    expect(errorOf(hashOf({ ...doc(), files: [{ path: 'main.py', content: null }] }))).toBe(
      'This session link was not opened: "files[0].content" should be a string. Your current session was not changed.',
    );
    expect(errorOf(hashOf({ ...doc(), files: [{ path: '../../etc/x.py', content: '' }], activePath: '../../etc/x.py' }))).toMatch(
      /has "\.\." in its path/,
    );
    expect(errorOf(hashOf({ ...doc(), files: [{ path: '/abs.py', content: '' }], activePath: '/abs.py' }))).toMatch(/has an absolute path/);
    // A link cannot hold the 20,001 files the file-count cap refuses: its payload cap comes first.
    const many = Array.from({ length: MAX_SESSION_FILES + 1 }, (_, i) => ({ path: `${i}.py`, content: '' }));
    expect(errorOf(hashOf({ ...doc(), files: many }))).toMatch(/over the 8\.0 KB a link may carry/);
    expect(errorOf(hashOf('just a string'))).toMatch(/not an Executor session/);
  });
});
