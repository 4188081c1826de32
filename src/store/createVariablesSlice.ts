import { parseVariableKey } from './variablesTypes.ts';
import type { SliceCreator } from './types.ts';
import type { VariableChildren, VariablesSlice } from './variablesTypes.ts';

/** Expanded values listed again after a run, at most. */
const REOPEN_AT_MOST = 20;

/** Variables slice: pages of the namespace's names and of values' parts, asked of the interpreter as they are shown. */
export const createVariablesSlice: SliceCreator<VariablesSlice> = (set, get) => {
  const put = (key: string, next: Partial<VariableChildren>) =>
    set((s) => ({
      variableTree: { ...s.variableTree, [key]: { rows: [], total: 0, loading: false, error: null, ...s.variableTree[key], ...next } },
    }));

  /** Lists a page of `key`'s rows (appended after the ones shown when `offset` > 0). */
  const load = async (key: string, offset: number, version: number): Promise<void> => {
    const engine = get().engine;
    if (!engine) return;
    put(key, { loading: true, error: null });
    const target = key === '' ? { name: null, path: [] } : parseVariableKey(key);
    try {
      const page = await engine.listVariables({ ...target, offset });
      // A run ended meanwhile: a newer listing is on its way.
      if (get().variablesVersion !== version) return;
      const before = offset > 0 ? (get().variableTree[key]?.rows ?? []) : [];
      put(key, { rows: [...before, ...page.rows], total: page.total, loading: false });
    } catch (err) {
      if (get().variablesVersion !== version) return;
      const why = err instanceof Error ? err.message : String(err);
      put(key, { loading: false, error: `Could not list these: ${why}` });
    }
  };

  return {
    variableTree: {},
    expandedVariables: [],
    namespaceVersion: 0,
    variablesVersion: -1,
    namespaceChanged(fresh = false) {
      set((s) => ({ namespaceVersion: s.namespaceVersion + 1, ...(fresh ? { variableTree: {}, expandedVariables: [] } : {}) }));
    },
    async refreshVariables() {
      const version = get().namespaceVersion;
      const reopen = get().expandedVariables.slice(0, REOPEN_AT_MOST);
      set({ variablesVersion: version, variableTree: {}, expandedVariables: reopen });
      await load('', 0, version);
      const names = new Set(get().variableTree['']?.rows.map((r) => r.name));
      const still = reopen.filter((key) => names.has(parseVariableKey(key).name));
      set({ expandedVariables: still });
      for (const key of still) await load(key, 0, version);
    },
    async toggleVariable(key) {
      const open = get().expandedVariables.includes(key);
      set((s) => ({ expandedVariables: open ? s.expandedVariables.filter((k) => k !== key) : [...s.expandedVariables, key] }));
      if (!open && !get().variableTree[key]) await load(key, 0, get().variablesVersion);
    },
    async moreVariables(key) {
      const shown = get().variableTree[key]?.rows.length ?? 0;
      await load(key, shown, get().variablesVersion);
    },
  };
};
