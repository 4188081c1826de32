import { MAX_PROJECT_FILES, type FileChanges, type ProjectFile } from '../protocol/testProtocol.ts';

/** The parts of Emscripten's file system the workspace uses (Pyodide's `FS`). */
export interface WorkspaceFs {
  readdir(path: string): string[];
  lstat(path: string): { mode: number; size: number; mtime: Date | number };
  isDir(mode: number): boolean;
  isFile(mode: number): boolean;
  readFile(path: string): Uint8Array;
  writeFile(path: string, data: string | ArrayBufferView): void;
  unlink(path: string): void;
  mkdirTree(path: string): void;
  utime(path: string, atime: number, mtime: number): void;
}

/** The caps a change set keeps to: a larger file, or one past the total, stays in the interpreter only. */
export interface WorkspaceCaps {
  maxFileBytes: number;
  maxTotalBytes: number;
}

/** The interpreter's working folder, kept in step with the page's project in both directions. */
export interface Workspace {
  /**
   * Makes the folder hold `files`: a file is written only when its bytes differ from what the folder has; a file
   * the page had and no longer has is removed. Files a program made that the page never took (over a cap) stay.
   * Returns whether the folder changed since the last sync, by this one or by a program (the interpreter then
   * forgets the project's modules; a trivial run with nothing changed skips that).
   */
  sync(files: readonly ProjectFile[]): boolean;
  /**
   * What programs did to the folder since the last sync or change set: files created or changed (size and mtime
   * first, then a hash of those that may have changed), and files deleted. Files over a cap are named in
   * `skipped` (again only when they change). Ignored: caches and bytecode (see {@link IGNORED}); /tmp is outside the folder.
   */
  changes(): FileChanges;
  /**
   * Removes the page's files of at least `minBytes` from the folder (the next sync writes them again): a test
   * interpreter does this after each run, so large data files are not kept in every interpreter at once.
   * Returns how many bytes it freed.
   */
  release(minBytes: number): number;
}

/** Paths the change set never carries: caches, bytecode and tool state, not the program's work. */
export const IGNORED =
  /(^|\/)(__pycache__|\.pytest_cache|\.hypothesis|\.mypy_cache|\.ruff_cache|\.git|\.venv|node_modules)(\/|$)|\.py[co]$|(^|\/)(\.coverage(\..*)?|\.DS_Store)$/;

interface Seen {
  size: number;
  mtime: number;
  hash: number;
}

/** FNV-1a over 32-bit words (and the tail bytes): fast enough for 40 MB, and only compared for one path. */
export function hashBytes(bytes: Uint8Array): number {
  let h = 0x811c9dc5 ^ bytes.length;
  const words = bytes.length >>> 2;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < words; i++) h = Math.imul(h ^ view.getUint32(i * 4, true), 0x01000193);
  for (let i = words * 4; i < bytes.length; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  return h >>> 0;
}

const encoder = new TextEncoder();

/** Creates the workspace of `folder` (which must exist). */
export function createWorkspace(fs: WorkspaceFs, folder: string, caps: WorkspaceCaps, now: () => number = Date.now): Workspace {
  /** Every file of the folder as last written or looked at. */
  const seen = new Map<string, Seen>();
  /** Files the page has: a file the page drops is removed from the folder. */
  const known = new Set<string>();
  const full = (path: string) => `${folder}/${path}`;
  const mtimeOf = (m: Date | number) => +m;

  function walk(dir: string, prefix: string, out: Map<string, { size: number; mtime: number }>): void {
    for (const name of fs.readdir(dir)) {
      if (name === '.' || name === '..') continue;
      const path = prefix + name;
      if (IGNORED.test(path)) continue;
      const st = fs.lstat(`${dir}/${name}`);
      // Symbolic links are not followed: they could point at the interpreter's own files.
      if (fs.isDir(st.mode)) walk(`${dir}/${name}`, `${path}/`, out);
      else if (fs.isFile(st.mode)) out.set(path, { size: st.size, mtime: mtimeOf(st.mtime) });
    }
  }

  // The folder changed (a sync wrote or removed a file, or a change set found a program's work) since the last sync.
  let dirty = false;

  return {
    sync(files) {
      // Written files get an mtime just before now: a program's write in the same millisecond still shows.
      const stamp = now() - 1000;
      let changed = dirty;
      const wanted = new Set<string>();
      for (const file of files) {
        wanted.add(file.path);
        const bytes = 'content' in file ? encoder.encode(file.content) : file.bytes;
        const hash = hashBytes(bytes);
        const old = seen.get(file.path);
        if (old && old.size === bytes.length && old.hash === hash) continue;
        const target = full(file.path);
        fs.mkdirTree(target.slice(0, target.lastIndexOf('/')));
        fs.writeFile(target, bytes);
        fs.utime(target, stamp, stamp);
        seen.set(file.path, { size: bytes.length, mtime: stamp, hash });
        changed = true;
      }
      for (const path of known) {
        if (wanted.has(path)) continue;
        changed = true;
        try {
          fs.unlink(full(path));
        } catch {
          // A program removed it already.
        }
        seen.delete(path);
      }
      known.clear();
      for (const path of wanted) known.add(path);
      dirty = false;
      return changed;
    },

    changes() {
      const present = new Map<string, { size: number; mtime: number }>();
      walk(folder, '', present);
      const written: FileChanges['written'] = [];
      const skipped: FileChanges['skipped'] = [];
      let total = 0;
      for (const [path, st] of present) {
        const old = seen.get(path);
        if (old && old.size === st.size && old.mtime === st.mtime) continue;
        const bytes = fs.readFile(full(path));
        const hash = hashBytes(bytes);
        seen.set(path, { size: bytes.length, mtime: st.mtime, hash });
        if (old && old.size === bytes.length && old.hash === hash) continue;
        const over = bytes.length > caps.maxFileBytes || total + bytes.length > caps.maxTotalBytes || written.length >= MAX_PROJECT_FILES;
        // Seen now, so it is named again only when it changes.
        if (over) {
          skipped.push({ path, bytes: bytes.length });
          continue;
        }
        total += bytes.length;
        written.push({ path, bytes });
        known.add(path);
      }
      const deleted: string[] = [];
      for (const path of [...seen.keys()]) {
        if (present.has(path)) continue;
        seen.delete(path);
        dirty = true;
        if (known.delete(path)) deleted.push(path);
      }
      if (written.length || skipped.length) dirty = true;
      return { written, deleted, skipped };
    },

    release(minBytes) {
      let freed = 0;
      for (const path of known) {
        const old = seen.get(path);
        if (!old || old.size < minBytes) continue;
        try {
          fs.unlink(full(path));
        } catch {
          continue;
        }
        seen.delete(path);
        known.delete(path);
        freed += old.size;
      }
      return freed;
    },
  };
}
