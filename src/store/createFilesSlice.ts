import type { ProjectFile } from '../protocol/testProtocol.ts';
import { checkPath, DEFAULT_FILE, sortFiles, uniquePath, type ProjectSnapshot } from '../project/projectModel.ts';
import type { ProjectStorage } from '../project/projectStorage.ts';
import type { AppState, FilesSlice, SliceCreator } from './types.ts';

/** The project's files with the editor's buffer as the active file's content. */
export function projectFiles(s: Pick<AppState, 'files' | 'activePath' | 'code'>): ProjectFile[] {
  return s.files.map((f) => (f.path === s.activePath ? { path: f.path, content: s.code } : f));
}

/** The project as it should be stored now. */
export function projectSnapshot(s: AppState): ProjectSnapshot {
  return { files: projectFiles(s), activePath: s.activePath, openPaths: s.openPaths, breakpoints: s.breakpoints };
}

/**
 * Files slice: the project (several files, one active, some open in tabs). The
 * active file's content lives in the editor slice's `code`, so everything that
 * edits `code` edits the active file. Kept in IndexedDB by the app page.
 */
export const createFilesSlice =
  (storage: ProjectStorage | null): SliceCreator<FilesSlice> =>
  (set, get) => {
    let linkedCode: string | null = null;
    let codeAtStart: string | null = null;

    /** Stores the editor buffer into the active file, then switches to `path`. */
    const activate = (path: string, files = projectFiles(get())): void => {
      const file = files.find((f) => f.path === path);
      if (!file) return;
      const openPaths = get().openPaths.includes(path) ? get().openPaths : [...get().openPaths, path];
      set({ files, activePath: path, openPaths });
      get().setCode(file.content);
    };

    return {
      files: [{ path: DEFAULT_FILE, content: '' }],
      activePath: DEFAULT_FILE,
      openPaths: [DEFAULT_FILE],
      projectLoaded: false,
      filesError: null,
      openFile(path) {
        if (path !== get().activePath) activate(path);
      },
      closeFile(path) {
        const openPaths = get().openPaths.filter((p) => p !== path);
        if (openPaths.length === 0) return; // one tab always stays open
        set({ openPaths });
        if (path === get().activePath) activate(openPaths[openPaths.length - 1] as string);
      },
      createFile(raw, content = '') {
        const files = projectFiles(get());
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
        const files = projectFiles(get());
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
          files: sortFiles(files.map((f) => (f.path === from ? { path: to, content: f.content } : f))),
          activePath: s.activePath === from ? to : s.activePath,
          openPaths: s.openPaths.map((p) => (p === from ? to : p)),
        });
        return true;
      },
      deleteFile(path) {
        const files = projectFiles(get()).filter((f) => f.path !== path);
        const remaining = files.length > 0 ? files : [{ path: DEFAULT_FILE, content: '' }];
        const openPaths = get().openPaths.filter((p) => p !== path);
        set({ filesError: null, openPaths: openPaths.length ? openPaths : [remaining[0]?.path ?? DEFAULT_FILE] });
        if (path === get().activePath) {
          set({ files: remaining, activePath: '' });
          activate(get().openPaths[0] ?? (remaining[0] as ProjectFile).path, remaining);
        } else set({ files: remaining });
      },
      writeFile(raw, content) {
        if (!get().projectLoaded) return { error: 'The project is still loading; try again in a moment.' };
        const files = projectFiles(get());
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
        set({ files: created ? sortFiles([...files, { path, content }]) : files.map((f) => (f.path === path ? { path, content } : f)) });
        if (path === get().activePath) get().setCode(content);
        return { path, created };
      },
      importProjectFiles(incoming) {
        if (incoming.length === 0) {
          set({ filesError: 'Nothing to import: choose .py (or other text) files, a folder or a .zip.' });
          return;
        }
        // Imported files replace files of the same path; everything else stays.
        const byPath = new Map(projectFiles(get()).map((f) => [f.path, f]));
        for (const f of incoming) byPath.set(f.path, f);
        const files = sortFiles([...byPath.values()]);
        set({ filesError: null });
        const first = incoming.find((f) => f.path.endsWith('.py')) ?? incoming[0];
        activate(first?.path ?? get().activePath, files);
      },
      setFilesError(message) {
        set({ filesError: message });
      },
      openLinkedCode(code) {
        linkedCode = code;
        // Before the project is loaded the link shows at once; it gets its own file when the project arrives.
        if (get().projectLoaded) placeLinkedCode();
        else get().setCode(code);
      },
      async hydrateProject(given) {
        codeAtStart ??= get().code;
        let saved: ProjectSnapshot | null = null;
        try {
          saved = given !== undefined ? given : storage ? await storage.load() : null;
        } catch {
          set({
            filesError: 'The saved project could not be read (IndexedDB is unavailable); files are kept only while this page is open.',
          });
        }
        const code = get().code;
        if (!saved || saved.files.length === 0) {
          // First visit with projects: the single editor buffer becomes main.py.
          set({
            files: [{ path: DEFAULT_FILE, content: linkedCode ?? code }],
            activePath: DEFAULT_FILE,
            openPaths: [DEFAULT_FILE],
            projectLoaded: true,
          });
          linkedCode = null;
          return;
        }
        const active = saved.files.some((f) => f.path === saved.activePath) ? saved.activePath : (saved.files[0] as ProjectFile).path;
        const typedMeanwhile = linkedCode === null && code !== codeAtStart;
        const files = saved.files.map((f) => (typedMeanwhile && f.path === active ? { ...f, content: code } : f));
        set({
          files,
          activePath: active,
          openPaths: saved.openPaths.filter((p) => files.some((f) => f.path === p)),
          projectLoaded: true,
        });
        get().restoreBreakpoints(saved.breakpoints ?? []);
        if (!get().openPaths.includes(active)) set({ openPaths: [...get().openPaths, active] });
        get().setCode((files.find((f) => f.path === active) as ProjectFile).content);
        placeLinkedCode();
      },
      loadProject(snapshot) {
        const files = snapshot.files.length > 0 ? sortFiles(snapshot.files) : [{ path: DEFAULT_FILE, content: '' }];
        const active = files.some((f) => f.path === snapshot.activePath) ? snapshot.activePath : (files[0] as ProjectFile).path;
        const open = snapshot.openPaths.filter((p) => files.some((f) => f.path === p));
        set({
          files,
          activePath: active,
          openPaths: open.includes(active) ? open : [...open, active],
          projectLoaded: true,
          filesError: null,
        });
        get().restoreBreakpoints(snapshot.breakpoints ?? []);
        get().setCode((files.find((f) => f.path === active) as ProjectFile).content);
      },
    };

    function placeLinkedCode(): void {
      if (linkedCode === null) return;
      const code = linkedCode;
      linkedCode = null;
      const files = get().projectLoaded && get().code !== code ? projectFiles(get()) : get().files;
      const path = uniquePath(
        'from-link.py',
        files.map((f) => f.path),
      );
      set({ files: sortFiles([...files, { path, content: code }]), activePath: path, openPaths: [...get().openPaths, path] });
      get().setCode(code);
    }
  };
