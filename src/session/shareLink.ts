import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { checkSessionDocument, SESSION_VERSION, type SessionDocument } from './sessionDocument.ts';
import { MAX_LINK_PAYLOAD_CHARS } from './sessionLimits.ts';

/** The hash prefix of a session link: `#s/<version>/<payload>`. */
export const SESSION_HASH_PREFIX = '#s/';

/** What a session link holds: a checked document, or one message saying why it was not opened. */
export type SessionFromHash = { ok: true; doc: SessionDocument } | { ok: false; error: string } | null;

/** A link for a session, or why there is none (too large: export a file instead). */
export type ShareLink = { ok: true; url: string; payloadChars: number } | { ok: false; error: string; payloadChars: number };

const refused = (problem: string): SessionFromHash => ({
  ok: false,
  error: `This session link was not opened: ${problem}. Your current session was not changed.`,
});

/** The hash of a session link: `#s/1/` + lz-string's compressToEncodedURIComponent of the document's JSON. */
export function sessionToHash(doc: SessionDocument): string {
  return `${SESSION_HASH_PREFIX}${SESSION_VERSION}/${compressToEncodedURIComponent(JSON.stringify(doc))}`;
}

/**
 * The shareable link for a session at `base` (the page's origin and path), unless its
 * encoded payload is over {@link MAX_LINK_PAYLOAD_CHARS}: then the message says to export a file.
 */
export function buildShareLink(doc: SessionDocument, base: string): ShareLink {
  const hash = sessionToHash(doc);
  const payloadChars = hash.length - `${SESSION_HASH_PREFIX}${SESSION_VERSION}/`.length;
  if (payloadChars > MAX_LINK_PAYLOAD_CHARS)
    return {
      ok: false,
      payloadChars,
      error: `This session is too large for a link: ${formatSize(payloadChars)} encoded, and links over ${formatSize(MAX_LINK_PAYLOAD_CHARS)} are not carried reliably by every browser. Export it as a session file instead.`,
    };
  return { ok: true, url: `${base}${hash}`, payloadChars };
}

/** "1.2 KB", "512 bytes". */
export function formatSize(chars: number): string {
  return chars < 1024 ? `${chars} bytes` : `${(chars / 1024).toFixed(1)} KB`;
}

/**
 * Reads a `#s/<version>/<payload>` hash: null for any other hash; otherwise the checked session
 * or one message for a cut-short, altered, oversized, unknown-version or invalid payload.
 */
export function sessionFromHash(hash: string): SessionFromHash {
  if (!hash.startsWith(SESSION_HASH_PREFIX)) return null;
  const rest = hash.slice(SESSION_HASH_PREFIX.length);
  const slash = rest.indexOf('/');
  if (slash < 0) return refused('it is cut short (expected #s/1/ followed by the session)');
  const version = rest.slice(0, slash);
  const payload = rest.slice(slash + 1);
  if (version !== String(SESSION_VERSION)) {
    return refused(
      /^\d+$/.test(version) && Number(version) > SESSION_VERSION
        ? `it was made by a newer Executor (link version ${version}; this page reads version ${SESSION_VERSION}). Reload the page to get the newest Executor`
        : `its version "${version.slice(0, 20)}" is not one Executor knows`,
    );
  }
  if (payload === '') return refused('it holds no session (it is cut short)');
  if (payload.length > MAX_LINK_PAYLOAD_CHARS)
    return refused(
      `it is ${formatSize(payload.length)}, over the ${formatSize(MAX_LINK_PAYLOAD_CHARS)} a link may carry; ask for a session file instead`,
    );
  if (!/^[A-Za-z0-9+\-$]+$/.test(payload))
    return refused('it has characters a session link never has (it was altered or mangled when copied)');
  let json: string | null;
  try {
    json = decompressFromEncodedURIComponent(payload);
  } catch {
    json = null;
  }
  if (!json) return refused('it could not be read (it may be cut short or altered)');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return refused('it could not be read (it may be cut short or altered)');
  }
  const check = checkSessionDocument(value);
  return check.ok ? check : refused(check.problem);
}
