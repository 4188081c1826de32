import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { checkSessionDocument, SESSION_VERSION, type SessionDocument } from './sessionDocument.ts';
import { MAX_LINK_PAYLOAD_CHARS } from './sessionLimits.ts';

/** The hash prefix of a session link: `#s/<version>/<payload>`. */
export const SESSION_HASH_PREFIX = '#s/';

/** What a session link holds: a checked document, or one message saying why it was not opened. */
export type SessionFromHash = { ok: true; doc: SessionDocument } | { ok: false; error: string } | null;

/**
 * A link for a session, or why there is none (too large: export a file instead). `leftOut` names the files the
 * link does not carry (binary files, and the largest text files when all would not fit): the session file does.
 */
export type ShareLink =
  | { ok: true; url: string; payloadChars: number; leftOut: string[] }
  | { ok: false; error: string; payloadChars: number; leftOut: string[] };

const refused = (problem: string): SessionFromHash => ({
  ok: false,
  error: `This session link was not opened: ${problem}. Your current session was not changed.`,
});

/** The hash of a session link: `#s/1/` + lz-string's compressToEncodedURIComponent of the document's JSON. */
export function sessionToHash(doc: SessionDocument): string {
  return `${SESSION_HASH_PREFIX}${SESSION_VERSION}/${compressToEncodedURIComponent(JSON.stringify(doc))}`;
}

const payloadOf = (hash: string) => hash.length - `${SESSION_HASH_PREFIX}${SESSION_VERSION}/`.length;

/**
 * The shareable link for a session at `base` (the page's origin and path). It carries what fits: binary files
 * are left out, then the largest text files (never the open one) until the encoded payload is at most
 * {@link MAX_LINK_PAYLOAD_CHARS}. When even the open file alone does not fit, the message says to export a file.
 */
export function buildShareLink(doc: SessionDocument, base: string): ShareLink {
  const leftOut = doc.files.filter((f) => !('content' in f)).map((f) => f.path);
  const text = doc.files.flatMap((f) => ('content' in f ? [f] : []));
  // Largest first: each one left out frees the most.
  const droppable = text.filter((f) => f.path !== doc.activePath).sort((a, b) => b.content.length - a.content.length);
  let kept = text;
  let hash = sessionToHash({ ...doc, files: kept });
  while (payloadOf(hash) > MAX_LINK_PAYLOAD_CHARS && droppable.length > 0) {
    const dropped = droppable.shift() as (typeof text)[number];
    leftOut.push(dropped.path);
    kept = kept.filter((f) => f !== dropped);
    hash = sessionToHash({ ...doc, files: kept });
  }
  const payloadChars = payloadOf(hash);
  if (payloadChars > MAX_LINK_PAYLOAD_CHARS)
    return {
      ok: false,
      payloadChars,
      leftOut,
      error: `This session is too large for a link: its open file alone is ${formatSize(payloadChars)} encoded, and links over ${formatSize(MAX_LINK_PAYLOAD_CHARS)} are not carried reliably by every browser. Export it as a session file instead.`,
    };
  return { ok: true, url: `${base}${hash}`, payloadChars, leftOut: leftOut.sort() };
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
