import type { StoreApi } from 'zustand/vanilla';
import type { AppState } from './types.ts';

/**
 * Starts over as a first visit would, without reloading the page: stops the running program and the
 * assistant, opens a new empty session (default settings, empty console and chat) in a fresh interpreter,
 * and puts the layout back to its defaults. The other sessions stay in this browser. For scripts and tests
 * that reuse one page: `await executor.startOver()`.
 */
export async function startOver(store: StoreApi<AppState>, timeoutMs = 15_000): Promise<void> {
  const first = store.getState();
  first.stopAgent();
  first.stopRun();
  await until(store, (s) => !s.running && !s.chatBusy, timeoutMs, 'The running program or the assistant did not stop');
  const s = store.getState();
  if (!(await s.createSession())) throw new Error(store.getState().sessionError ?? 'A new session could not be opened.');
  s.resetLayout();
  // The run footer counts from zero, as on a first visit.
  store.setState({ runCount: 0, lastResult: null });
  await s.switchedInterpreterReady();
  await until(store, (st) => st.status.state === 'ready', timeoutMs, 'Python did not become ready');
}

function until(store: StoreApi<AppState>, done: (s: AppState) => boolean, timeoutMs: number, what: string): Promise<void> {
  if (done(store.getState())) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`${what} within ${timeoutMs / 1000} s.`));
    }, timeoutMs);
    const unsubscribe = store.subscribe((s) => {
      if (!done(s)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    });
  });
}
