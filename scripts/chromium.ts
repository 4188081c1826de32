import { chromiumArgs, chromiumPath } from '../server/headless/launchChromium.ts';

/** Debian's Chromium (Playwright's own browsers cannot be downloaded on these machines), or CHROMIUM_PATH. */
export const CHROMIUM_PATH = chromiumPath(process.env);

/**
 * Flags every Executor launch of Chromium for tests, the benchmark and screenshots: the headless engine's
 * (without the background-networking flags Chromium's own connections fail noisily on a closed network), with
 * --no-sandbox always, as these run as root on CI.
 */
export const CHROMIUM_ARGS: readonly string[] = chromiumArgs(true);

/**
 * The end-to-end tests' flags: {@link CHROMIUM_ARGS} and ForceEagerMeasureMemory, the browser's explicit trigger
 * for `performance.measureUserAgentSpecificMemory()`, which then answers at once (after a garbage collection)
 * instead of at the next collection, so the JavaScript-memory limit is checked within a second and its tests do
 * not wait on the collector. The benchmark keeps the browser's own timing.
 */
export const CHROMIUM_TEST_ARGS: readonly string[] = [...CHROMIUM_ARGS, '--enable-blink-features=ForceEagerMeasureMemory'];
