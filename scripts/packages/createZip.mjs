// @ts-check
import { crc32, deflateRawSync } from 'node:zlib';

/**
 * @typedef {object} ZipEntry
 * @property {string} path archive path, `/`-separated, no leading `/`
 * @property {Uint8Array} data file content
 */

// 1980-01-01 00:00:00, the earliest MS-DOS timestamp: a fixed date keeps the
// archive (and so its sha256 in the lock file) reproducible.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const MADE_BY_UNIX = (3 << 8) | 20;
const VERSION_NEEDED = 20;
const FLAG_UTF8 = 0x0800;
const REGULAR_FILE_0644 = (0o100644 << 16) >>> 0;

/**
 * Build a ZIP archive (as used for wheels) in memory. Deterministic: same
 * entries in the same order give the same bytes. Entries are stored in the
 * given order, deflated unless that would not make them smaller. No ZIP64:
 * throws beyond 65535 entries or 4 GiB.
 *
 * @param {ZipEntry[]} entries
 * @returns {Buffer}
 */
export function createZip(entries) {
  if (entries.length > 0xffff) throw new Error('too many zip entries');
  /** @type {Buffer[]} */
  const chunks = [];
  /** @type {Buffer[]} */
  const central = [];
  let offset = 0;
  const seen = new Set();
  for (const { path, data } of entries) {
    if (!path || path.startsWith('/') || path.includes('\\') || path.split('/').includes('..')) {
      throw new Error(`bad zip entry path: ${path}`);
    }
    if (seen.has(path)) throw new Error(`duplicate zip entry: ${path}`);
    seen.add(path);
    const name = Buffer.from(path, 'utf8');
    const raw = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const deflated = deflateRawSync(raw, { level: 9 });
    const stored = deflated.length < raw.length ? deflated : raw;
    const method = stored === raw ? 0 : 8;
    const crc = crc32(raw);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION_NEEDED, 4);
    local.writeUInt16LE(FLAG_UTF8, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(MADE_BY_UNIX, 4);
    header.writeUInt16LE(VERSION_NEEDED, 6);
    header.writeUInt16LE(FLAG_UTF8, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt16LE(DOS_TIME, 12);
    header.writeUInt16LE(DOS_DATE, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(stored.length, 20);
    header.writeUInt32LE(raw.length, 24);
    header.writeUInt16LE(name.length, 28);
    // extra length, comment length, disk number, internal attributes: 0
    header.writeUInt32LE(REGULAR_FILE_0644, 38);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);

    chunks.push(local, name, stored);
    offset += local.length + name.length + stored.length;
    if (offset > 0xffffffff) throw new Error('zip too large (no ZIP64 support)');
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
