import type { FileChanges } from '../../src/protocol/testProtocol.ts';
import type { PageEngine } from '../headless/createPageEngine.ts';
import { formatBytes } from '../../src/format/formatBytes.ts';

/** What a command's runs did to the project, merged: the last content of each file written, and the files deleted. */
export interface ProjectChanges {
  created: Array<{ path: string; bytes: Uint8Array }>;
  changed: Array<{ path: string; bytes: Uint8Array }>;
  deleted: string[];
}

/** Listens to an engine's change sets until `stop()`, which merges them (`local`: the paths the folder had). */
export function watchFileChanges(engine: PageEngine, local: ReadonlySet<string>): { stop(): ProjectChanges } {
  const sets: FileChanges[] = [];
  const unsubscribe = engine.onFilesChanged((changes) => sets.push(changes));
  return {
    stop() {
      unsubscribe();
      return mergeChanges(sets, local);
    },
  };
}

/** Merges change sets in order: a file written then deleted counts as deleted (or as nothing, when it was new). */
export function mergeChanges(sets: readonly FileChanges[], local: ReadonlySet<string>): ProjectChanges {
  const written = new Map<string, Uint8Array>();
  const deleted = new Set<string>();
  for (const set of sets) {
    for (const f of set.written) {
      written.set(f.path, f.bytes);
      deleted.delete(f.path);
    }
    for (const path of set.deleted) {
      written.delete(path);
      if (local.has(path)) deleted.add(path);
    }
  }
  const files = [...written].map(([path, bytes]) => ({ path, bytes })).sort((a, b) => a.path.localeCompare(b.path));
  return {
    created: files.filter((f) => !local.has(f.path)),
    changed: files.filter((f) => local.has(f.path)),
    deleted: [...deleted].sort(),
  };
}

/** One line per file for the terminal: "created out.json (12 bytes)", "changed data.csv (2.0 KB)", "deleted old.txt". */
export function describeChanges(changes: ProjectChanges): string[] {
  return [
    ...changes.created.map((f) => `created ${f.path} (${formatBytes(f.bytes.length)})`),
    ...changes.changed.map((f) => `changed ${f.path} (${formatBytes(f.bytes.length)})`),
    ...changes.deleted.map((path) => `deleted ${path}`),
  ];
}
