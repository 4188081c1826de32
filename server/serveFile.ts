import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { resolve, sep } from 'node:path';
import { contentTypeOf } from '../scripts/pyodideFiles.ts';
import { chooseEncoding, encodedName, ENCODINGS, type Encoding } from './chooseEncoding.ts';

/** True when a request's If-None-Match names `etag` (or is `*`): the cached copy is current. */
export function matchesEtag(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const weak = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || weak(tag) === weak(etag));
}

/** What of the request decides how a file is sent. */
export interface FileRequest {
  method?: string;
  ifNoneMatch?: string | null;
  /** The request's Accept-Encoding: a brotli or gzip copy the build wrote is sent where it is accepted. */
  acceptEncoding?: string | null;
  /** The request's Range: such a request gets the whole file as it is (a range of a compressed copy is not offered). */
  range?: string | null;
}

/**
 * A Response for the file at `urlPath` under `root`, or null when there is no such file. Paths that try to leave
 * `root` (`..`, encoded or not) are never served. Where the build wrote a compressed copy (`.br`, `.gz` beside the
 * file, see scripts/compressDist.ts) and the request accepts it, the copy is sent with its Content-Encoding; the
 * answer then varies by Accept-Encoding, and each coding has its own ETag (size and modification time), so a
 * request whose If-None-Match names it gets 304 Not Modified and a browser revalidates a `no-cache` file cheaply.
 * The Content-Type is always the file's own.
 */
export async function serveFile(
  root: string,
  urlPath: string,
  headers: Record<string, string>,
  request: FileRequest = {},
): Promise<Response | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  if (file !== base && !file.startsWith(base + sep)) return null;
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return null;
  const copies = await Promise.all(ENCODINGS.map(async (e) => ({ encoding: e, info: await stat(encodedName(file, e)).catch(() => null) })));
  const available = copies.filter((c) => c.info?.isFile()).map((c) => c.encoding);
  const encoding: Encoding | null = request.range ? null : chooseEncoding(request.acceptEncoding, available);
  const sent = encoding ? (copies.find((c) => c.encoding === encoding)?.info ?? info) : info;
  const h = new Headers(headers);
  if (available.length) h.set('Vary', 'Accept-Encoding');
  const etag = `W/"${sent.size.toString(36)}-${Math.floor(sent.mtimeMs).toString(36)}${encoding ? `-${encoding}` : ''}"`;
  h.set('ETag', etag);
  if (matchesEtag(request.ifNoneMatch, etag)) return new Response(null, { status: 304, headers: h });
  h.set('Content-Type', contentTypeOf(file));
  h.set('Content-Length', String(sent.size));
  if (encoding) h.set('Content-Encoding', encoding);
  if (request.method === 'HEAD') return new Response(null, { status: 200, headers: h });
  const body = Readable.toWeb(createReadStream(encoding ? encodedName(file, encoding) : file)) as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers: h });
}
