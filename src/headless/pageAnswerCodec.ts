import type { PageCallAnswer } from './pageProgress.ts';

/** The key that marks bytes in an encoded answer: `{ [BYTES_KEY]: base64 }` stands for a Uint8Array. */
const BYTES_KEY = '__executorBytes';
const CHUNK = 0x8000;

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += CHUNK) text += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(text);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * A call's answer as one JSON string, the cheapest thing for the DevTools protocol to carry (Playwright's
 * structured serialisation of a run's result costs about a millisecond more), with file bytes as base64.
 */
export function encodePageAnswer(answer: PageCallAnswer): string {
  return JSON.stringify(answer, (_key, value: unknown) => (value instanceof Uint8Array ? { [BYTES_KEY]: toBase64(value) } : value));
}

/** The answer {@link encodePageAnswer} encoded, its bytes as Uint8Arrays again. */
export function decodePageAnswer(text: string): PageCallAnswer {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const marked = (value as Record<string, unknown>)[BYTES_KEY];
      if (typeof marked === 'string' && Object.keys(value).length === 1) return fromBase64(marked);
    }
    return value;
  }) as PageCallAnswer;
}
