/**
 * ZIP archives in the browser, for project import and export, with fflate
 * (a small, well-kept zip library; synchronous, so no extra worker is needed).
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';

/** One archive entry. */
export interface ZipEntry {
  path: string;
  data: Uint8Array;
}

// 1980-01-01, the earliest date ZIP can store: the same files give the same archive.
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);
const MAX_ENTRIES = 5000;

/** Builds a ZIP archive: entries deflated, in the given order, with folder paths kept. */
export async function createZip(entries: ZipEntry[]): Promise<Uint8Array> {
  const files: Zippable = {};
  for (const { path, data } of entries) files[path] = [data, { level: 6, mtime: FIXED_MTIME }];
  return zipSync(files);
}

/** Reads every file of a ZIP archive (folders skipped); throws with what is wrong and what to do. */
export async function readZip(zip: Uint8Array): Promise<ZipEntry[]> {
  let count = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip, {
      filter: (file) => {
        if (++count > MAX_ENTRIES) throw new Error(`The .zip archive has more than ${MAX_ENTRIES} entries; import a smaller project.`);
        return !file.name.endsWith('/');
      },
    });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    if (/more than \d+ entries/.test(why)) throw err;
    if (/invalid zip data/.test(why))
      throw new Error('This is not a .zip archive, or it is cut short. Pick the .zip file again, or import the files themselves.', {
        cause: err,
      });
    throw new Error(`The .zip archive could not be read (${why}). It may be damaged or encrypted; export it again without a password.`, {
      cause: err,
    });
  }
  return Object.entries(files).map(([path, data]) => ({ path, data }));
}
