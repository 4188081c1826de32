import type { FileChanges, ProjectFile, TestParallelism, TestRecord, TestResult } from '../protocol/testProtocol.ts';
import type { ProjectSnapshot } from '../project/projectModel.ts';

/** Files slice: the project's files, the active one (what Run executes as __main__) and the open tabs. */
export interface FilesSlice {
  /** Every file, each with its latest content (the only place it is kept). */
  files: ProjectFile[];
  /** The active file's text, as the editor shows it: set together with the file. */
  code: string;
  /** The editor's text changed: it is the active file's new content. */
  setCode(code: string): void;
  /** The text file the editor shows and Run executes. */
  activePath: string;
  openPaths: string[];
  /** A binary file shown in its viewer in place of the editor, or null (the editor shows the active file). */
  viewingPath: string | null;
  /** Files a program created or changed in the last change set, until the next edit. */
  fileMarks: Record<string, 'new' | 'modified'>;
  /** False until the saved project has been read. */
  projectLoaded: boolean;
  /** Why the last file operation was refused, and what to do. */
  filesError: string | null;
  /** Opens a text file in the editor, or a binary file in its viewer. */
  openFile(path: string): void;
  closeFile(path: string): void;
  /** Adds a file and opens it; false (with `filesError`) when the path is not usable. */
  createFile(path: string, content?: string): boolean;
  renameFile(from: string, to: string): boolean;
  deleteFile(path: string): void;
  /**
   * Creates a file or replaces its content without switching tabs (the agent's write_file); the active
   * file's new content shows in the editor. Returns the stored path, or why the path was refused.
   */
  writeFile(path: string, content: string | Uint8Array): { path: string; created: boolean } | { error: string };
  /**
   * Adds imported files (same path: replaced) and opens the first Python file. Returns the files left out, each
   * with the cap it would break (50 MB a file, 200 MB and 20,000 files a project).
   */
  importProjectFiles(files: ProjectFile[]): string[];
  /**
   * Takes in what a program did to the working folder: new and changed files are stored and marked, deleted ones
   * leave the tree, and the open file shows its new text (an edit Undo takes back). Returns the files left out.
   */
  applyFileChanges(changes: FileChanges): string[];
  /** Ends the marks of the last change set (the user edited). */
  clearFileMarks(): void;
  setFilesError(message: string | null): void;
  /** Opens code from a link in a file of its own, so no file is overwritten. */
  openLinkedCode(code: string): void;
  /**
   * Reads the saved project (or moves the old single buffer into main.py); `saved` (a session's
   * project, or null for none) is used instead of reading the project storage. Keeps what was typed meanwhile.
   */
  hydrateProject(saved?: ProjectSnapshot | null): Promise<void>;
  /**
   * Forgets the storage kept before sessions (the old buffer in localStorage, the old project in IndexedDB):
   * called once a session exists, which holds everything they had.
   */
  retireLegacyStorage(): Promise<void>;
  /** Replaces the whole project with another session's (nothing is merged). */
  loadProject(snapshot: ProjectSnapshot): void;
}

/** Tests slice: discovery, runs and the last result. */
export interface TestsSlice {
  testResult: TestResult | null;
  /** Test runs shown so far (the panel's and the agent's), for whoever waits for the next one. */
  testRuns: number;
  /** Tests of the run going on that have finished, in the order they finished (empty between runs). */
  liveTestRecords: TestRecord[];
  testsBusy: 'running' | 'collecting' | null;
  /** Node ids found by the last discovery (or run). */
  collectedTests: string[] | null;
  testsError: string | null;
  coverageEnabled: boolean;
  /** Interpreters a test run is split across: `auto` (the default) or a count the user chose. */
  testWorkers: TestParallelism;
  /** Runs tests (`paths`: files or node ids; empty for all). */
  runTests(paths?: string[], parallel?: TestParallelism): Promise<TestResult | null>;
  collectTests(): Promise<void>;
  /** A test run made elsewhere (the agent's): shown in the panel, with its markers, like the panel's own. */
  showTestResult(result: TestResult): void;
  /** A session switch: results and discovered tests belonged to the session that was open. */
  resetTestsForSession(): void;
  setCoverageEnabled(on: boolean): void;
  setTestWorkers(n: TestParallelism): void;
}
