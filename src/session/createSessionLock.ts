/**
 * Which tab may write a session: the first tab to open it holds a Web Lock named after it; another tab that
 * opens the same session shows it read-only until the person takes it over. Taking over asks the holder
 * (over a BroadcastChannel) to save and let go, so nothing typed there is lost; a holder that does not answer
 * within a moment has the lock stolen. Browsers without Web Locks (and tests) always hold.
 */
export interface SessionLock {
  /**
   * Holds session `id` for this tab (letting go of the one held before): `owner`, or `elsewhere` when another
   * tab holds it. `onLost` is called if another tab takes it over later.
   */
  hold(id: string, onLost: () => void): Promise<'owner' | 'elsewhere'>;
  /** Takes session `id` over from the tab that holds it, which saves first; then this tab holds it. */
  takeOver(id: string, onLost: () => void): Promise<void>;
  /** Lets go of the session held now (the page does on a switch; the browser does when the page goes). */
  release(): void;
}

/** What a tab tells the others. */
type LockMessage = { type: 'release'; id: string } | { type: 'released'; id: string };

/** How long a reload waits for the page it replaces to let go (the browser frees its locks as it unloads). */
export const HOLD_WAIT_MS = 1500;
/** How long a take-over waits for the holder to save and let go before it steals the lock. */
export const TAKE_OVER_WAIT_MS = 3000;

const lockName = (id: string) => `executor-session:${id}`;

/**
 * The session lock of this tab. `beforeRelease` saves the open session when another tab takes it over.
 * `locks` and `channel` are the browser's (absent: every session is held, as in a single tab).
 */
export function createSessionLock(
  beforeRelease: () => Promise<void>,
  locks: LockManager | undefined = globalThis.navigator?.locks,
  channel: BroadcastChannel | null = typeof BroadcastChannel === 'function' ? new BroadcastChannel('executor-sessions') : null,
): SessionLock {
  let current: { id: string; release: () => void; onLost: () => void } | null = null;

  const release = (): void => {
    current?.release();
    current = null;
  };

  /** Requests the lock; resolves to whether this tab got it. */
  const acquire = (id: string, options: LockOptions, onLost: () => void): Promise<boolean> => {
    if (!locks) return Promise.resolve(true);
    release();
    return new Promise<boolean>((granted) => {
      let letGo = (): void => undefined;
      const held = new Promise<void>((resolve) => (letGo = resolve));
      const mine = { id, release: () => letGo(), onLost };
      locks
        .request(lockName(id), options, (lock) => {
          if (!lock) {
            granted(false);
            return undefined;
          }
          current = mine;
          granted(true);
          return held;
        })
        .catch(() => {
          // Aborted while waiting (the wait ran out), or stolen by a tab that could not wait for this one.
          granted(false);
          if (current === mine) {
            current = null;
            onLost();
          }
        });
    });
  };

  channel?.addEventListener('message', (event: MessageEvent<LockMessage>) => {
    const msg = event.data;
    if (msg?.type !== 'release' || current?.id !== msg.id) return;
    const { onLost } = current;
    void beforeRelease()
      .catch(() => undefined)
      .then(() => {
        if (current?.id !== msg.id) return;
        release();
        onLost();
        channel.postMessage({ type: 'released', id: msg.id } satisfies LockMessage);
      });
  });

  return {
    async hold(id, onLost) {
      if (current?.id === id) {
        current.onLost = onLost;
        return 'owner';
      }
      const got = await acquire(id, { signal: AbortSignal.timeout(HOLD_WAIT_MS) }, onLost);
      return got ? 'owner' : 'elsewhere';
    },
    async takeOver(id, onLost) {
      channel?.postMessage({ type: 'release', id } satisfies LockMessage);
      const got = await acquire(id, { signal: AbortSignal.timeout(TAKE_OVER_WAIT_MS) }, onLost);
      if (!got) await acquire(id, { steal: true }, onLost);
    },
    release,
  };
}

/** A lock for tests and memory-only pages: every session is this tab's. */
export const NO_SESSION_LOCK: SessionLock = { hold: async () => 'owner', takeOver: async () => undefined, release: () => undefined };
