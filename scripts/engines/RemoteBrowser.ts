/**
 * A browser engine other than Chromium (Firefox, WebKitGTK), driven over WebDriver: just what the
 * cross-engine smoke suite and the benchmark need. Chromium is driven by Playwright itself.
 */
export interface RemoteBrowser {
  readonly engine: RemoteEngine | 'chromium';
  /** The browser's own name and version, as it reports them. */
  readonly version: string;
  /** Navigates the page and waits for its load event. */
  goto(url: string): Promise<void>;
  /** Runs `fn(arg)` in the page (its source is sent, so it may use only its argument) and returns its JSON result. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Clicks the element with this test id as a user would (scrolled into view, real pointer events). */
  click(testId: string): Promise<void>;
  /** Types into the element with this test id, then presses Enter if `submit`. */
  type(testId: string, text: string, submit?: boolean): Promise<void>;
  /** Ends the browser and everything started for it. */
  close(): Promise<void>;
}

/** The engines the smoke suite runs in besides Chromium. */
export type RemoteEngine = 'firefox' | 'webkit';

/** CSS selector of a test id. */
export const byTestId = (testId: string): string => `[data-testid="${testId}"]`;
