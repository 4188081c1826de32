import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { resolve, sep } from 'node:path';
import { contentTypeOf } from '../scripts/pyodideFiles.ts';

/** True when a request's If-None-Match names `etag` (or is `*`): the cached copy is current. */
export function matchesEtag(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const weak = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || weak(tag) === weak(etag));
}

/**
 * A Response for the file at `urlPath` under `root`, or null when there is no such
 * file. Paths that try to leave `root` (`..`, encoded or not) are never served.
 * Every file has an ETag (size and modification time): a request whose If-None-Match
 * names it gets 304 Not Modified, so a browser revalidates a `no-cache` file cheaply.
 */
export async function serveFile(
  root: string,
  urlPath: string,
  headers: Record<string, string>,
  method = 'GET',
  ifNoneMatch: string | null = null,
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
  const h = new Headers(headers);
  const etag = `W/"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
  h.set('ETag', etag);
  if (matchesEtag(ifNoneMatch, etag)) return new Response(null, { status: 304, headers: h });
  h.set('Content-Type', contentTypeOf(file));
  h.set('Content-Length', String(info.size));
  if (method === 'HEAD') return new Response(null, { status: 200, headers: h });
  const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers: h });
}
