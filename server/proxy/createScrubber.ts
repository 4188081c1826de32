/** Replaces every occurrence of the given secrets in a text. */
export type Scrubber = (text: string) => string;

/**
 * Builds a function that replaces every occurrence of each secret with `[redacted]`.
 * Used on every error message before it leaves the server, including text that came from upstream.
 * @param secrets values that must never reach a client (empty/short values are ignored).
 */
export function createScrubber(secrets: ReadonlyArray<string | null | undefined>): Scrubber {
  const usable = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4);
  if (usable.length === 0) return (text) => text;
  return (text) => usable.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
}
