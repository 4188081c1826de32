/** What the ready probe records on the app page (times are performance.now(), i.e. ms since navigation). */
export interface ReadyProbe {
  /** When the frame told the page that Python is ready. */
  engineReadyAt: number | null;
  /** When the status line first showed "Ready". */
  uiReadyAt: number | null;
  /** The status detail when Python failed to start. */
  failed: string | null;
}

/** The app page's window with the probe installed. */
export type ProbeWindow = Window & { __benchProbe?: ReadyProbe };

/**
 * Init script for the app page (runs before the app's own scripts, in the top
 * frame only): records when Python became ready, as the engine hears it and as
 * the status line shows it. Must stay self-contained: Playwright serializes it.
 */
export function installReadyProbe(): void {
  if (window !== window.top) return;
  const probe: ReadyProbe = { engineReadyAt: null, uiReadyAt: null, failed: null };
  (window as ProbeWindow).__benchProbe = probe;
  addEventListener('message', (event: MessageEvent) => {
    const data: unknown = event.data;
    if (typeof data !== 'object' || data === null) return;
    const msg = data as { type?: unknown; state?: unknown; detail?: unknown };
    if (msg.type !== 'state') return;
    if (msg.state === 'ready' && probe.engineReadyAt === null) probe.engineReadyAt = performance.now();
    if (msg.state === 'failed') probe.failed = String(msg.detail);
  });
  const observer = new MutationObserver(() => {
    const el = document.querySelector('[data-testid=status]');
    if (el?.textContent?.includes('Ready')) {
      probe.uiReadyAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
}
