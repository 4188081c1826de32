/** Debian's Chromium (Playwright's own browsers cannot be downloaded on these machines). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags every Executor launch of Chromium uses (e2e tests, benchmark, screenshots):
 * root needs --no-sandbox, and without the background-networking flags Chromium's
 * own connections fail noisily on a closed network.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
