import type { VariableRow } from '../protocol/variables.ts';

/** The rows listed under one key: the namespace (key '') or one value's parts. */
export interface VariableChildren {
  rows: VariableRow[];
  /** How many there are; null when the interpreter could not count them in time. */
  total: number | null;
  loading: boolean;
  /** Why they could not be listed. */
  error: string | null;
}

/** Variables slice: the Variables tab's view of the user's namespace. */
export interface VariablesSlice {
  /**
   * Listings by key: '' for the namespace, else a value's key (see {@link variableKey}).
   * Empty before the first listing and after a Restart.
   */
  variableTree: Record<string, VariableChildren>;
  /** Keys of the values shown expanded. */
  expandedVariables: string[];
  /** Bumped by every run that could have changed the namespace, and by a Restart. */
  namespaceVersion: number;
  /** The namespaceVersion the tree shows. */
  variablesVersion: number;
  /** Lists the namespace again, and the values that were expanded. */
  refreshVariables(): Promise<void>;
  /** A run (or a fresh interpreter, `fresh`) may have changed the names: the tab lists them again (from nothing when fresh). */
  namespaceChanged(fresh?: boolean): void;
  /** Shows or hides a value's parts (listed the first time it opens). */
  toggleVariable(key: string): Promise<void>;
  /** Lists the next page of a key's rows. */
  moreVariables(key: string): Promise<void>;
}

/** The key of a value: its top-level name and the indices of the parts leading to it. */
export function variableKey(name: string, path: readonly number[] = []): string {
  return JSON.stringify([name, ...path]);
}

/** The name and path a key stands for. */
export function parseVariableKey(key: string): { name: string; path: number[] } {
  const [name, ...path] = JSON.parse(key) as [string, ...number[]];
  return { name, path };
}
