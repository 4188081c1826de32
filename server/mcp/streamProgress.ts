import type { PageProgress } from '../../src/headless/pageProgress.ts';

/** Longest message one progress notification carries (a flood is cut, its end kept). */
export const MAX_PROGRESS_MESSAGE_CHARS = 8000;
/** The longest silence while a call runs: past it a heartbeat says it is still running. */
export const HEARTBEAT_MS = 5000;

/** An MCP progress notification's parameters. */
export interface ProgressParams {
  progressToken: string | number;
  progress: number;
  message: string;
}

/** The message of one progress event: the output as it came, or one line per finished test. */
export function progressMessage(event: PageProgress): string {
  const text =
    event.kind === 'output'
      ? event.chunks.map((c) => c.text).join('')
      : event.records.map((r) => `${r.outcome.toUpperCase()} ${r.nodeId}`).join('\n');
  return text.length <= MAX_PROGRESS_MESSAGE_CHARS
    ? text
    : `… [${text.length - MAX_PROGRESS_MESSAGE_CHARS} characters left out] …\n${text.slice(-MAX_PROGRESS_MESSAGE_CHARS)}`;
}

/**
 * Sends a call's progress as MCP progress notifications while it runs: each event of `subscribe` (output, finished
 * tests), and a heartbeat after {@link HEARTBEAT_MS} of silence. `progress` counts the notifications, so it always
 * increases, as the protocol asks. Returns the function that stops it.
 */
export function streamProgress(
  subscribe: (listener: (event: PageProgress) => void) => () => void,
  token: string | number,
  send: (params: ProgressParams) => void,
  heartbeatMs = HEARTBEAT_MS,
): () => void {
  const started = Date.now();
  let progress = 0;
  let last = started;
  const notify = (message: string) => {
    last = Date.now();
    send({ progressToken: token, progress: ++progress, message });
  };
  const off = subscribe((event) => {
    const message = progressMessage(event);
    if (message) notify(message);
  });
  const heartbeat = setInterval(
    () => {
      if (Date.now() - last >= heartbeatMs) notify(`still running (${Math.round((Date.now() - started) / 1000)} s)`);
    },
    Math.max(50, Math.floor(heartbeatMs / 5)),
  );
  return () => {
    clearInterval(heartbeat);
    off();
  };
}
