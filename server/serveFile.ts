import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { resolve, sep } from 'node:path';
import { contentTypeOf } from '../scripts/pyodideFiles.ts';

/**
 * A Response for the file at `urlPath` under `root`, or null when there is no such
 * file. Paths that try to leave `root` (`..`, encoded or not) are never served.
 */
export async function serveFile(root: string, urlPath: string, headers: Record<string, string>, method = 'GET'): Promise<Response | null> {
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
  h.set('Content-Type', contentTypeOf(file));
  h.set('Content-Length', String(info.size));
  if (method === 'HEAD') return new Response(null, { status: 200, headers: h });
  const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers: h });
}
