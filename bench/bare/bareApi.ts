/** What the bare worker answers to one run. */
export interface BareResult {
  stdout: string;
  /** Python exception type (e.g. 'KeyboardInterrupt'), or null. */
  error: string | null;
  /** Interpreter heap high-water mark (dlmalloc max footprint), MB. */
  peakMemoryMB: number;
}

/** `window.bare` on the bare baseline page (bench/bare/main.mjs). */
export interface BareApi {
  pyodideVersion: string;
  /** performance.now() when the first worker posted ready, else null. */
  readyAt: number | null;
  /** Resolves to the first worker's boot time in ms. */
  ready: Promise<number>;
  run(code: string): Promise<BareResult>;
  /** Loads wheels by URL (pyodide.loadPackage); resolves to an error message, or null. */
  load(urls: string[]): Promise<string | null>;
  /** Raises KeyboardInterrupt in the running code through the interrupt buffer. */
  interrupt(): void;
  /** Terminates the worker and boots a new one; resolves to the boot time in ms. */
  reboot(): Promise<number>;
}

/** The bare page's window, as the benchmark sees it inside page.evaluate. */
export interface BareWindow {
  bare: BareApi;
}
