import { ProxyError } from './ProxyError.ts';

/**
 * Reads a request body as UTF-8 text, refusing more than `maxBytes`.
 * A too-large `Content-Length` is refused before reading; a chunked body is counted as it arrives
 * and reading stops as soon as it passes the limit.
 * @param request the incoming request.
 * @param maxBytes the limit (CHAT_MAX_BODY_BYTES).
 * @throws {ProxyError} 413 `body_too_large`.
 */
export async function readLimitedBody(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = (): ProxyError =>
    new ProxyError(
      413,
      'body_too_large',
      `The chat request is larger than ${maxBytes} bytes: shorten the conversation or the code sent with it (the server's limit is CHAT_MAX_BODY_BYTES).`,
    );
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    parts.push(value);
  }
  return Buffer.concat(parts).toString('utf8');
}
