/**
 * Pyodide's files travel from the page to the frame, never from the network to the frame: the
 * page fetches them on the app's origin, where the browser's HTTP cache keeps them between visits
 * (an opaque-origin frame gets no cache), and hands them over. Later files (wheels) a worker
 * needs are asked of the page the same way, by URL, and only under Pyodide's and the package folder.
 */
import * as z from 'zod';
import { PACKAGES_PATH, PYODIDE_PATH } from './paths.ts';
import { sandboxPathProblem } from './sandboxPathProblem.ts';

/** The files of Pyodide a worker boots from, by their names in Pyodide's folder. */
export const RUNTIME_FILE_NAMES = {
  /** Emscripten's module factory, an ES module: the frame turns it into a classic script. */
  asm: 'pyodide.asm.mjs',
  wasm: 'pyodide.asm.wasm',
  stdlib: 'python_stdlib.zip',
} as const;

/** Largest runtime text the frame accepts (pyodide.asm.mjs is 1.2 MB, the lock 0.2 MB). */
const MAX_TEXT_CHARS = 32 * 2 ** 20;

/** What the page hands a new frame: Pyodide's files and the package lock, as fetched on the app's origin. */
export const runtimeFilesSchema = z.object({
  asm: z.string().max(MAX_TEXT_CHARS),
  wasm: z.instanceof(ArrayBuffer),
  stdlib: z.instanceof(ArrayBuffer),
  /** The package lock (JSON) the server serves at /packages/pyodide-lock.json. */
  lock: z.string().max(MAX_TEXT_CHARS),
});
/** What the page hands a new frame: Pyodide's files and the package lock. */
export type RuntimeFiles = z.infer<typeof runtimeFilesSchema>;

/** Largest file the page hands on for a worker (the largest wheels are some tens of MB). */
export const MAX_ASSET_BYTES = 512 * 2 ** 20;
/** Requests for files a frame may have waiting on the page at once; more are refused at once. */
export const MAX_PENDING_ASSETS = 16;

/** The page's answer to a request for a file: its bytes, or why there are none. */
export const assetReplySchema = z.union([
  z.object({
    ok: z.literal(true),
    bytes: z.instanceof(ArrayBuffer).refine((b) => b.byteLength <= MAX_ASSET_BYTES, 'file too large'),
    /** The server's Content-Type (micropip reads a package index's answer by it). */
    contentType: z.string().max(200).nullable(),
  }),
  z.object({ ok: z.literal(false), status: z.number().int(), error: z.string().max(2000) }),
]);
/** The page's answer to a request for a file. */
export type AssetReply = z.infer<typeof assetReplySchema>;

/** What a worker asks the page for: a URL, the integrity it must match, and the Accept header its fetch sent. */
export const assetRequestFields = {
  url: z.string().max(2000),
  /** Subresource integrity the file must match (Pyodide passes the lock file's sha256). */
  integrity: z.string().max(1000).nullable(),
  /** The request's Accept header (micropip asks a package index for JSON by it). */
  accept: z.string().max(1000).nullable(),
};
/** A worker's request for a file, as the frame relays it to the page. */
export type AssetRequest = { url: string; integrity: string | null; accept: string | null };

/**
 * Why `url` is not a file the sandbox may ask the page for, or null when it may. On the app's own
 * origin: under Pyodide's folder or the package folder, a plain path (no dot segments, no encoded
 * separators), no query or fragment. Elsewhere (a package CDN, PyPI): any http(s) URL, fetched by
 * the page without credentials; the page's CSP (connect-src) decides which hosts it reaches.
 */
export function assetUrlProblem(url: string, appOrigin: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.origin !== appOrigin)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? null : 'only http(s) URLs are fetched';
  if (parsed.search || parsed.hash || url.includes('?') || url.includes('#')) return 'a query or fragment is not allowed';
  const path = url.slice(appOrigin.length);
  if (!path.startsWith(PYODIDE_PATH) && !path.startsWith(PACKAGES_PATH))
    return `only files under ${PYODIDE_PATH} and ${PACKAGES_PATH} are handed to the sandbox`;
  return sandboxPathProblem(path);
}
