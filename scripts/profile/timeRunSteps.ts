import type { Page } from '@playwright/test';

/** One step of a run, over many runs. */
export interface StepTiming {
  name: string;
  median: number;
  p95: number;
}

/**
 * Times `runs` trivial runs step by step with performance.measure, from outside the app (its code is not changed
 * for this): call → the frame's `result` message reaches the window (the sandbox's share: frame, worker, Python),
 * → engine.execute resolves (the page's handling of the result and its listeners), → the next animation frame
 * (React's rendering of what changed). Each run waits for its frame before the next starts.
 */
export async function timeRunSteps(page: Page, runs: number): Promise<StepTiming[]> {
  return page.evaluate(async (n) => {
    const durations: Record<string, number[]> = {
      'sandbox (call → result message)': [],
      'page handling (→ resolved)': [],
      'rendering (→ next frame)': [],
      'whole (call → next frame)': [],
    };
    let resultAt = 0;
    const listening = new AbortController();
    // Capture phase on window: before the engine's own listener sees the message.
    addEventListener(
      'message',
      (e: MessageEvent) => {
        if ((e.data as { type?: unknown } | null)?.type === 'result') resultAt = performance.now();
      },
      { capture: true, signal: listening.signal },
    );
    try {
      for (let k = 0; k < n; k++) {
        const t0 = performance.now();
        await window.executor.engine.execute('pass');
        const t2 = performance.now();
        await new Promise((r) => requestAnimationFrame(r));
        const t3 = performance.now();
        // No helper functions in here: tsx would wrap a named one in a helper the page does not have.
        for (const [name, from, to] of [
          ['sandbox (call → result message)', t0, resultAt],
          ['page handling (→ resolved)', resultAt, t2],
          ['rendering (→ next frame)', t2, t3],
          ['whole (call → next frame)', t0, t3],
        ] as const) {
          durations[name]?.push(to - from);
          performance.measure(`executor:${name}`, { start: from, end: to });
        }
      }
    } finally {
      listening.abort();
    }
    return Object.entries(durations).map(([name, list]) => {
      const sorted = [...list].sort((a, b) => a - b);
      return {
        name,
        median: sorted[Math.floor(0.5 * sorted.length)] ?? 0,
        p95: sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))] ?? 0,
      };
    });
  }, runs);
}
