const started = Date.now();

/** Prints a progress line with the seconds elapsed since the bench started. */
export function log(message: string): void {
  const s = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  console.log(`[bench ${s}s] ${message}`);
}
