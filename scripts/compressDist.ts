import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** What is worth compressing: text, JavaScript, WebAssembly, and zips whose members are stored (Pyodide's stdlib). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.map', '.txt', '.wasm', '.ttf', '.zip']);
/** Smaller files are sent as they are: the saving would not pay for the coding's overhead. */
const MIN_BYTES = 1024;
/** A copy is kept only when it saves at least this share of the file (a zip of deflated members saves nothing). */
const MIN_SAVING = 0.05;
/** Brotli's best quality is slow on big files: the largest get a quality that takes seconds, not minutes. */
const BIG_FILE = 2 * 2 ** 20;

/** What the build wrote for one file. */
export interface Compressed {
  path: string;
  bytes: number;
  br: number | null;
  gzip: number | null;
}

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

async function compressFile(path: string): Promise<Compressed> {
  const bytes = await readFile(path);
  const text = !['.wasm', '.zip', '.ttf'].includes(extname(path));
  const [br, gzipped] = await Promise.all([
    brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: bytes.length > BIG_FILE ? 9 : 11,
        [constants.BROTLI_PARAM_MODE]: text ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    gz(bytes, { level: 9 }),
  ]);
  const worth = (copy: Buffer) => copy.length <= bytes.length * (1 - MIN_SAVING);
  if (worth(br)) await writeFile(`${path}.br`, br);
  if (worth(gzipped)) await writeFile(`${path}.gz`, gzipped);
  return { path, bytes: bytes.length, br: worth(br) ? br.length : null, gzip: worth(gzipped) ? gzipped.length : null };
}

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every compressible file of the built app (server/serveFile.ts
 * sends one where the browser accepts it), keeping only copies that save at least 5%. Wheels are left as they are:
 * they are zips of deflated files already.
 */
export async function compressDist(dir: string): Promise<Compressed[]> {
  const todo: Array<{ path: string; size: number }> = [];
  for await (const path of files(dir)) {
    if (!COMPRESSIBLE.has(extname(path))) continue;
    const { size } = await stat(path);
    if (size >= MIN_BYTES) todo.push({ path, size });
  }
  // Largest first, a few at a time (zlib runs them on libuv's threads), so the big ones do not come last alone.
  const queue = todo.sort((a, b) => b.size - a.size).map((t) => t.path);
  const out: Compressed[] = [];
  const worker = async () => {
    for (let path = queue.shift(); path; path = queue.shift()) out.push(await compressFile(path));
  };
  await Promise.all([worker(), worker(), worker()]);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}
