import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { createAppStore } from './createAppStore.ts';
import type { AppState } from './types.ts';

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The app's store instance. */
export const appStore: StoreApi<AppState> = createAppStore(typeof window === 'undefined' ? null : safeLocalStorage());

/** React hook over {@link appStore}. */
export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}
