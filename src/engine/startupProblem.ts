/**
 * What the status line says when Python has not become ready after `limitMs`: whether the sandbox frame ever
 * answered (if not, something blocked its script or workers), what it last said, and what the user can do.
 */
export function startupProblem(frameHeard: boolean, lastDetail: string, limitMs: number): string {
  const seconds = Math.round(limitMs / 1000);
  return frameHeard
    ? `Python has not become ready after ${seconds} s (${lastDetail}). The machine may be very busy; ` +
        'reload the page to try again, and if it keeps happening, try another browser.'
    : `The Python sandbox did not load after ${seconds} s: its frame never answered. A browser extension, ` +
        'a proxy or a policy may block its script or its workers; reload the page, or try another browser.';
}
