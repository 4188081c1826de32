import { describe, expect, it, vi } from 'vitest';
import type { Engine } from '../engine/engine.ts';
import type { VariableRow, VariablesRequest } from '../protocol/variables.ts';
import { createAppStore } from './createAppStore.ts';
import { variableKey } from './variablesTypes.ts';

const row = (name: string, expandable = false): VariableRow => ({ name, type: 'int', kind: 'value', size: null, repr: '1', expandable });

/** A store whose engine answers listVariables with `answer`. */
function storeWith(answer: (r: VariablesRequest) => Promise<{ rows: VariableRow[]; total: number | null }>) {
  const store = createAppStore();
  const listVariables = vi.fn(async (r: VariablesRequest) => ({ ...(await answer(r)), offset: r.offset }));
  // Only what the slice uses.
  store.setState({ engine: { listVariables } as unknown as Engine });
  return { store, listVariables };
}

describe('variables slice', () => {
  it('lists the namespace, then a value on demand, and pages', async () => {
    const { store, listVariables } = storeWith(async (r) =>
      r.name === null ? { rows: [row('data', true)], total: 1 } : { rows: [row(`[${r.offset}]`)], total: 2 },
    );
    await store.getState().refreshVariables();
    expect(store.getState().variableTree['']?.rows.map((x) => x.name)).toEqual(['data']);
    const key = variableKey('data');
    await store.getState().toggleVariable(key);
    expect(store.getState().expandedVariables).toEqual([key]);
    await store.getState().moreVariables(key);
    expect(store.getState().variableTree[key]?.rows.map((x) => x.name)).toEqual(['[0]', '[1]']);
    expect(listVariables).toHaveBeenLastCalledWith({ name: 'data', path: [], offset: 1 });
    // Closing and opening again does not ask again.
    await store.getState().toggleVariable(key);
    await store.getState().toggleVariable(key);
    expect(listVariables).toHaveBeenCalledTimes(3);
  });

  it('lists what was open again after a run, and forgets names that are gone', async () => {
    let names = ['a', 'b'];
    const { store, listVariables } = storeWith(async (r) =>
      r.name === null ? { rows: names.map((n) => row(n, true)), total: names.length } : { rows: [], total: 0 },
    );
    await store.getState().refreshVariables();
    await store.getState().toggleVariable(variableKey('a'));
    await store.getState().toggleVariable(variableKey('b'));
    names = ['a'];
    store.setState((s) => ({ namespaceVersion: s.namespaceVersion + 1 }));
    await store.getState().refreshVariables();
    expect(store.getState().expandedVariables).toEqual([variableKey('a')]);
    expect(listVariables).toHaveBeenLastCalledWith({ name: 'a', path: [], offset: 0 });
  });

  it('drops an answer that a newer run made stale, and shows why a listing failed', async () => {
    let release: () => void = () => undefined;
    const { store } = storeWith((r) =>
      r.offset === 0 && r.name === null && !store.getState().variableTree['']?.error
        ? new Promise((resolve) => (release = () => resolve({ rows: [row('old')], total: 1 })))
        : Promise.reject(new Error('the interpreter was restarted')),
    );
    const first = store.getState().refreshVariables();
    store.setState((s) => ({ namespaceVersion: s.namespaceVersion + 1, variablesVersion: s.namespaceVersion + 1 }));
    release();
    await first;
    expect(store.getState().variableTree['']?.rows ?? []).toEqual([]);
    await store.getState().toggleVariable(variableKey('x'));
    expect(store.getState().variableTree[variableKey('x')]?.error).toBe('Could not list these: the interpreter was restarted');
  });
});
