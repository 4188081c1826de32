import type { StoreApi } from 'zustand/vanilla';
import { SESSION_HASH_PREFIX } from './session/shareLink.ts';
import { persistSessions } from './store/persistSessions.ts';
import { SESSION_ID_PATTERN } from './store/sessionRecords.ts';
import { isSessionContent, journalOf } from './store/sessionJournal.ts';
import { takeSessionJournal, writeSessionJournal } from './session/sessionJournal.ts';
import type { AppState } from './store/types.ts';

function storage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

/** The URL without its fragment, with `?session=<id>` naming the open session. */
function urlFor(id: string | null): string {
  const url = new URL(location.href);
  if (id) url.searchParams.set('session', id);
  return url.pathname + url.search;
}

/**
 * Starts the sessions on the app page: opens `?session=<id>` (or the last session), then a
 * `#s/1/...` link's session as a new one; keeps `?session=` in the address bar in step with the
 * open session (so a reload reopens it); opens links pasted into the address bar later; saves
 * the session when the page is hidden. Returns `flush` (for pagehide).
 */
export function startSessions(store: StoreApi<AppState>): { ready: Promise<void>; flush(): Promise<void> } {
  const requested = new URLSearchParams(location.search).get('session');
  const shareHash = location.hash.startsWith(SESSION_HASH_PREFIX) ? location.hash : null;
  // The fragment has been read: a reload must reopen the session, not the link again.
  if (shareHash) history.replaceState(null, '', urlFor(null));
  const journal = takeSessionJournal(storage(), isSessionContent);
  const sessions = persistSessions(store, {
    requestedId: requested && SESSION_ID_PATTERN.test(requested) ? requested : null,
    shareHash,
    journal,
  });
  if (requested && !SESSION_ID_PATTERN.test(requested))
    store.getState().setSessionError(`“${requested.slice(0, 80)}” is not a session id; the last session was opened.`);
  store.subscribe((s, prev) => {
    if (s.currentSessionId !== prev.currentSessionId) history.replaceState(null, '', urlFor(s.currentSessionId) + location.hash);
  });
  addEventListener('hashchange', () => {
    if (!location.hash.startsWith(SESSION_HASH_PREFIX)) return;
    const hash = location.hash;
    history.replaceState(null, '', urlFor(store.getState().currentSessionId));
    void sessions.ready.then(() => store.getState().openShareHash(hash));
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') {
      void sessions.flush();
      void store.getState().flushHistory();
    }
  });
  // Synchronously too: an IndexedDB write started while the page unloads may not finish.
  // Only the tab that writes the session: a read-only tab's copy must never overwrite it.
  addEventListener('pagehide', () => {
    if (store.getState().sessionAccess === 'owner') writeSessionJournal(storage(), journalOf(store.getState()));
  });
  return sessions;
}
