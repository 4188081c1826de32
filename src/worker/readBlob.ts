/**
 * A Blob's bytes, read chunk by chunk into one buffer of exactly its size, which the caller owns (and can
 * release, see releaseBytes) and nothing else keeps.
 */
export async function readBlob(blob: Blob): Promise<Uint8Array> {
  const bytes = new Uint8Array(blob.size);
  let at = 0;
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.length > bytes.length) throw new Error(`The blob holds more than the ${blob.size} bytes it said.`);
    bytes.set(value, at);
    at += value.length;
  }
  if (at !== bytes.length) throw new Error(`The blob ended after ${at} of its ${blob.size} bytes.`);
  return bytes;
}
