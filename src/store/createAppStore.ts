import { createStore, type StoreApi } from 'zustand/vanilla';
import { createEditorSlice, flushSavedCode } from './createEditorSlice.ts';
import { createEngineSlice } from './createEngineSlice.ts';
import { createOutputSlice } from './createOutputSlice.ts';
import { createPackagesSlice } from './createPackagesSlice.ts';
import { createRunSlice } from './createRunSlice.ts';
import { createSettingsSlice } from './createSettingsSlice.ts';
import type { AppState } from './types.ts';

/** Creates the one app store from its slices. `storage` is localStorage in the app, a fake in tests. */
export function createAppStore(storage: Pick<Storage, 'getItem' | 'setItem'> | null): StoreApi<AppState> {
  return createStore<AppState>()((set, get) => ({
    ...createEngineSlice(set, get),
    ...createEditorSlice(storage)(set, get),
    ...createOutputSlice(set, get),
    ...createRunSlice((code) => flushSavedCode(storage, code))(set, get),
    ...createSettingsSlice(storage)(set, get),
    ...createPackagesSlice(storage)(set, get),
  }));
}
