/**
 * The same bytes as `body`, calling `end` once when the stream is done: read to its end, failed, or cancelled by the
 * client. An SSE response is returned before its call finishes; this says when it did.
 */
export function onStreamEnd(body: ReadableStream<Uint8Array>, end: () => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let ended = false;
  const finish = () => {
    if (ended) return;
    ended = true;
    end();
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          finish();
          controller.close();
        } else controller.enqueue(value);
      } catch (err) {
        finish();
        controller.error(err);
      }
    },
    async cancel(reason) {
      finish();
      await reader.cancel(reason);
    },
  });
}
