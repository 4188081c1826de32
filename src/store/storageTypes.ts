/** Why the open session is not being saved in this browser. */
export interface StorageProblem {
  /** `quota`: a write was refused for space; `unavailable`: the browser's database cannot be opened; `failed`: another error. */
  kind: 'quota' | 'unavailable' | 'failed';
  /** The browser's own words. */
  detail: string;
}

/** What Executor keeps in this browser, for the Settings dialog. */
export interface StorageReport {
  /** The browser's estimate for the whole origin (null where it gives none). */
  usage: number | null;
  quota: number | null;
  /** Each saved session's record (files, settings, chat), in bytes. */
  sessions: Array<{ id: string; name: string; bytes: number }>;
  /** Python memory snapshots (faster starts). */
  snapshots: number;
  /** Downloaded package files. */
  packageCache: number;
}

/** Whether the browser keeps Executor's storage under pressure: `unasked` until work is saved. */
export type Persistence = 'granted' | 'denied' | 'unasked' | 'unsupported';

/** The browser's storage, as the storage slice uses it (fakes in tests). */
export interface StorageAccess {
  estimate(): Promise<{ usage: number | null; quota: number | null }>;
  /** Asks the browser to keep Executor's storage; resolves to whether it will. Absent where there is no such API. */
  persist?(): Promise<boolean>;
  persisted?(): Promise<boolean>;
  measureSnapshots(): Promise<number>;
  clearSnapshots(): Promise<void>;
  measurePackageCache(): Promise<number>;
  clearPackageCache(): Promise<void>;
}

/** Storage slice: what Executor keeps in the browser, and what to do when the browser refuses to keep it. */
export interface StorageSlice {
  /** Set while the open session is not being saved; cleared by the next save that goes through. */
  storageProblem: StorageProblem | null;
  /** Bytes the origin uses and may use, as last estimated (for the banner). */
  storageEstimate: { usage: number | null; quota: number | null } | null;
  /** The Settings dialog's table; null until asked for. */
  storageReport: StorageReport | null;
  persistence: Persistence;
  /** A write of the open session failed with `error` (or the database could not be opened: `unavailable`). */
  reportStorageFailure(error: unknown, unavailable?: boolean): void;
  /** A save went through: clears the problem, and asks once for persistent storage. */
  storageSaved(): void;
  /** Measures what is stored (sessions, snapshots, package files) for the Settings dialog. */
  refreshStorageReport(): Promise<void>;
  /** Deletes the Python snapshots, then saves the open session again (space was freed). */
  deleteSnapshots(): Promise<void>;
  /** Deletes the downloaded package files, then saves the open session again. */
  deletePackageCache(): Promise<void>;
}
