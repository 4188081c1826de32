import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

/** The hash prefix of a single-file code link. */
export const CODE_HASH_PREFIX = '#code/';

/** What a `#code/...` link holds: code, an error to show, or nothing. */
export type CodeFromUrl = { code: string } | { error: string } | null;

/** Largest code a link may carry once decompressed, in characters. */
export const MAX_LINK_CODE_CHARS = 1_000_000;

/** Reads `#code/<lz-string compressToEncodedURIComponent>` from a URL hash. */
export function codeFromUrl(hash: string): CodeFromUrl {
  if (!hash.startsWith(CODE_HASH_PREFIX)) return null;
  const payload = hash.slice(CODE_HASH_PREFIX.length);
  let code: string | null;
  try {
    code = payload ? decompressFromEncodedURIComponent(payload) : null;
  } catch {
    code = null;
  }
  if (code === null || (code === '' && payload !== 'Q')) {
    return { error: 'This link\u2019s code could not be read (it may be cut short or altered). Your own code was kept.' };
  }
  if (code.length > MAX_LINK_CODE_CHARS) {
    return { error: `This link holds more than ${MAX_LINK_CODE_CHARS.toLocaleString('en')} characters of code; it was not opened.` };
  }
  return { code };
}

/** Builds the hash that {@link codeFromUrl} reads. */
export function codeToHash(code: string): string {
  return CODE_HASH_PREFIX + compressToEncodedURIComponent(code);
}
