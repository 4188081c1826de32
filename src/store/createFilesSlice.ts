import type { ProjectFile } from '../protocol/testProtocol.ts';
import { checkPath, DEFAULT_FILE, sortFiles, uniquePath, type ProjectSnapshot } from '../project/projectModel.ts';
import { fileFromBytes, isTextFile, sameContent } from '../project/fileContent.ts';
import { mergeFiles } from '../project/mergeFiles.ts';
import type { ProjectStorage } from '../project/projectStorage.ts';
import { fileFromContent } from '../agent/projectAccess.ts';
import type { AppState, FilesSlice, SliceCreator } from './types.ts';

/** The project as it should be stored now. */
export function projectSnapshot(s: AppState): ProjectSnapshot {
  return { files: s.files, activePath: s.activePath, openPaths: s.openPaths, breakpoints: s.breakpoints };
}

/** Where the single editor buffer was kept before projects existed (read once, by the migration). */
export const LEGACY_CODE_KEY = 'executor.code.v1';

/** The code a first visit starts with (the seed's first example). */
export const WELCOME_CODE = `def fibonacci(n):
    if n <= 1:
        return n
    return fibonacci(n - 1) + fibonacci(n - 2)

print([fibonacci(i) for i in range(10)])
`;

/** The old buffer, or null (no storage, nothing kept, or storage denied). */
function readLegacyCode(storage: Pick<Storage, 'getItem'> | null): string | null {
  try {
    return storage?.getItem(LEGACY_CODE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** localStorage as the files slice uses it: only to read, then forget, the pre-projects buffer. */
export type LegacyCodeStorage = Pick<Storage, 'getItem'> & Partial<Pick<Storage, 'removeItem'>>;

const EMPTY: ProjectFile[] = [{ path: DEFAULT_FILE, content: '' }];

/** The text file to show when `wanted` is not one: the first open text file, or the first text file. */
function textPath(files: readonly ProjectFile[], wanted: string, open: readonly string[]): string | null {
  const isText = (p: string) => files.some((f) => f.path === p && isTextFile(f));
  if (isText(wanted)) return wanted;
  return open.find(isText) ?? files.find(isTextFile)?.path ?? null;
}

/**
 * Files slice: the project (several files, one active, some open in tabs). Each file's content lives in `files`
 * only; `code` is the active file's text, written in the same step as the file (the editor is a view of it). A
 * binary file opens in a viewer instead. The storage from before sessions (`storage`, `legacy`) is read once,
 * when the first session is made, then retired.
 */
export const createFilesSlice =
  (storage: ProjectStorage | null, legacy: LegacyCodeStorage | null = null): SliceCreator<FilesSlice> =>
  (set, get) => {
    let linkedCode: string | null = null;
    let codeAtStart: string | null = null;

    /** Stores the editor buffer into the active file, then shows `path` (a text file in the editor, any other in its viewer). */
    const activate = (path: string, files = get().files): void => {
      const file = files.find((f) => f.path === path);
      if (!file) return;
      const openPaths = get().openPaths.includes(path) ? get().openPaths : [...get().openPaths, path];
      if (!isTextFile(file)) {
        set({ files, openPaths, viewingPath: path });
        return;
      }
      set({ files, activePath: path, openPaths, viewingPath: null, code: file.content });
    };

    /** Sets a new file list, keeping the tabs, the active file and the viewer on files that still exist. */
    const replaceFiles = (files: ProjectFile[]): void => {
      const list = files.length > 0 ? files : EMPTY;
      const s = get();
      const exists = (p: string) => list.some((f) => f.path === p);
      const openPaths = s.openPaths.filter(exists);
      const active = textPath(list, s.activePath, openPaths);
      const viewingPath = s.viewingPath && exists(s.viewingPath) ? s.viewingPath : null;
      if (active === null) {
        // Only binary files are left: an empty main.py keeps the editor something to show.
        replaceFiles(
          sortFiles([
            ...list,
            {
              path: uniquePath(
                DEFAULT_FILE,
                list.map((f) => f.path),
              ),
              content: '',
            },
          ]),
        );
        return;
      }
      const text = (list.find((f) => f.path === active) as Extract<ProjectFile, { content: string }>).content;
      set({
        files: list,
        openPaths: openPaths.includes(active) ? openPaths : [...openPaths, active],
        viewingPath,
        activePath: active,
        code: text,
      });
    };

    return {
      // Empty until the session is read: a first visit's main.py gets the welcome code then.
      code: '',
      setCode(code) {
        const { activePath, files } = get();
        if (code === get().code) return;
        set({ code, files: files.map((f) => (f.path === activePath && isTextFile(f) ? { path: f.path, content: code } : f)) });
      },
      files: EMPTY,
      activePath: DEFAULT_FILE,
      openPaths: [DEFAULT_FILE],
      viewingPath: null,
      fileMarks: {},
      projectLoaded: false,
      filesError: null,
      openFile(path) {
        if (path !== get().activePath || get().viewingPath !== null) activate(path);
      },
      closeFile(path) {
        const openPaths = get().openPaths.filter((p) => p !== path);
        if (openPaths.length === 0) return; // one tab always stays open
        set({ openPaths });
        if (path === get().viewingPath) set({ viewingPath: null });
        if (path === get().activePath) activate(textPath(get().files, '', openPaths) ?? (openPaths[openPaths.length - 1] as string));
      },
      createFile(raw, content = '') {
        const files = get().files;
        const checked = checkPath(
          raw,
          files.map((f) => f.path),
        );
        if ('error' in checked) {
          set({ filesError: checked.error });
          return false;
        }
        set({ filesError: null });
        activate(checked.path, sortFiles([...files, { path: checked.path, content }]));
        return true;
      },
      renameFile(from, raw) {
        const files = get().files;
        const checked = checkPath(
          raw,
          files.map((f) => f.path),
          from,
        );
        if ('error' in checked) {
          set({ filesError: checked.error });
          return false;
        }
        const to = checked.path;
        const s = get();
        set({
          filesError: null,
          files: sortFiles(files.map((f) => (f.path === from ? { ...f, path: to } : f))),
          activePath: s.activePath === from ? to : s.activePath,
          viewingPath: s.viewingPath === from ? to : s.viewingPath,
          openPaths: s.openPaths.map((p) => (p === from ? to : p)),
        });
        return true;
      },
      deleteFile(path) {
        set({ filesError: null, openPaths: get().openPaths.filter((p) => p !== path) });
        replaceFiles(get().files.filter((f) => f.path !== path));
      },
      writeFile(raw, content) {
        if (!get().projectLoaded) return { error: 'The project is still loading; try again in a moment.' };
        const files = get().files;
        const cleaned = checkPath(raw, []);
        if ('error' in cleaned) return cleaned;
        const checked = checkPath(
          cleaned.path,
          files.map((f) => f.path),
          cleaned.path,
        );
        if ('error' in checked) return checked;
        const { path } = checked;
        const created = !files.some((f) => f.path === path);
        const merged = mergeFiles(files, [fileFromContent(path, content)]);
        if (merged.refused.length > 0) return { error: `${merged.refused[0]}; delete files first.` };
        set({ files: merged.files });
        if (path === get().activePath) replaceFiles(merged.files);
        return { path, created };
      },
      importProjectFiles(incoming) {
        if (incoming.length === 0) {
          set({ filesError: 'Nothing to import: choose files, a folder or a .zip.' });
          return [];
        }
        // Imported files replace files of the same path; everything else stays.
        const { files, refused } = mergeFiles(get().files, incoming);
        set({ filesError: null });
        const kept = incoming.filter((f) => files.includes(f));
        const first = kept.find((f) => f.path.endsWith('.py')) ?? kept.find(isTextFile);
        set({ files });
        if (first) activate(first.path, files);
        else replaceFiles(files);
        return refused;
      },
      applyFileChanges(changes) {
        const before = get().files;
        const byPath = new Map(before.map((f) => [f.path, f]));
        // The interpreter reports what it wrote, also what it was given: only real changes count.
        const written = changes.written
          .map((f) => fileFromBytes(f.path, f.bytes))
          .filter((f) => {
            const old = byPath.get(f.path);
            return !old || !sameContent(old, f);
          });
        const deleted = changes.deleted.filter((p) => byPath.has(p));
        if (written.length === 0 && deleted.length === 0) return [];
        const { files, refused } = mergeFiles(before, written, deleted);
        const stored = new Set(files);
        const fileMarks: Record<string, 'new' | 'modified'> = {};
        for (const f of written) if (stored.has(f)) fileMarks[f.path] = byPath.has(f.path) ? 'modified' : 'new';
        set({ fileMarks });
        replaceFiles(files);
        return refused;
      },
      clearFileMarks() {
        if (Object.keys(get().fileMarks).length > 0) set({ fileMarks: {} });
      },
      setFilesError(message) {
        set({ filesError: message });
      },
      openLinkedCode(code) {
        linkedCode = code;
        // Before the project is loaded the link shows at once; it gets its own file when the project arrives.
        if (get().projectLoaded) placeLinkedCode();
        else set({ code });
      },
      async hydrateProject(given) {
        codeAtStart ??= get().code;
        // No session yet (given is undefined): the project and the buffer kept before sessions are migrated.
        const migrating = given === undefined;
        let saved: ProjectSnapshot | null = null;
        try {
          saved = !migrating ? given : storage ? await storage.load() : null;
        } catch {
          set({
            filesError: 'The saved project could not be read (IndexedDB is unavailable); files are kept only while this page is open.',
          });
        }
        const code = get().code;
        const typedMeanwhile = linkedCode === null && code !== codeAtStart;
        // The old buffer mirrored the active file on every keystroke: it is that file's newest text.
        const legacyCode = migrating ? readLegacyCode(legacy) : null;
        if (!saved || saved.files.length === 0) {
          // First visit with projects: the single editor buffer (or the welcome code) becomes main.py.
          const first = linkedCode ?? (typedMeanwhile ? code : (legacyCode ?? WELCOME_CODE));
          set({
            files: [{ path: DEFAULT_FILE, content: first }],
            activePath: DEFAULT_FILE,
            openPaths: [DEFAULT_FILE],
            projectLoaded: true,
            code: first,
          });
          linkedCode = null;
          return;
        }
        const active = textPath(saved.files, saved.activePath, saved.openPaths) ?? DEFAULT_FILE;
        const newest = typedMeanwhile ? code : legacyCode;
        const files = saved.files.map((f) =>
          newest !== null && f.path === active && isTextFile(f) ? { path: f.path, content: newest } : f,
        );
        set({
          files,
          activePath: active,
          openPaths: saved.openPaths.filter((p) => files.some((f) => f.path === p)),
          projectLoaded: true,
        });
        get().restoreBreakpoints(saved.breakpoints ?? []);
        replaceFiles(files);
        placeLinkedCode();
      },
      async retireLegacyStorage() {
        try {
          legacy?.removeItem?.(LEGACY_CODE_KEY);
        } catch {
          // Denied: it is never read again anyway once a session exists.
        }
        await storage?.clear().catch(() => undefined);
      },
      loadProject(snapshot) {
        const files = snapshot.files.length > 0 ? sortFiles(snapshot.files) : EMPTY;
        const open = snapshot.openPaths.filter((p) => files.some((f) => f.path === p));
        set({
          files,
          activePath: snapshot.activePath,
          openPaths: open,
          viewingPath: null,
          fileMarks: {},
          projectLoaded: true,
          filesError: null,
        });
        get().restoreBreakpoints(snapshot.breakpoints ?? []);
        replaceFiles(files);
      },
    };

    function placeLinkedCode(): void {
      if (linkedCode === null) return;
      const code = linkedCode;
      linkedCode = null;
      const files = get().files;
      const path = uniquePath(
        'from-link.py',
        files.map((f) => f.path),
      );
      set({
        files: sortFiles([...files, { path, content: code }]),
        activePath: path,
        openPaths: [...get().openPaths, path],
        viewingPath: null,
      });
      get().setCode(code);
    }
  };
