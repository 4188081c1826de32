import { pollStdin, readStdin } from '../protocol/stdinBuffer.ts';
import { DEBUG_TIMEOUT_MARK } from '../protocol/debug.ts';

/** What `_executor.debugger` calls in JavaScript: its `host`. */
export interface DebugChannel {
  /** The program stopped: the pause (JSON of a DebugPause) goes to the page. */
  paused(text: string): void;
  /** Blocks until the page's next command (JSON of a DebugCommand); undefined (None) when the run is stopped. */
  wait(): string | undefined;
  /** The answer (JSON of a DebugAnswer) to a variables or evaluate request. */
  answer(requestId: number, text: string): void;
  /** Calls into the user's objects start (the frame interrupts them after `ms`), or end (0). */
  guard(ms: number): void;
  /** After a KeyboardInterrupt in guarded code: true when it was the guard's time running out, not Stop. */
  timed_out(): boolean;
}

/** Options of {@link createDebugChannel}. */
export interface DebugChannelOptions {
  /** The frame's debug mailbox (the stdin buffer's layout, see src/protocol/stdinBuffer.ts). */
  mailbox: SharedArrayBuffer;
  interrupt: Int32Array;
  onPause(pause: unknown): void;
  onAnswer(requestId: number, answer: unknown): void;
  /** The frame's guard deadline (BigInt64, ms since the epoch; 0 when nothing is guarded). */
  guard: BigInt64Array;
}

/**
 * The worker's side of the debugger: pauses and answers go out as messages (a blocked worker can
 * still post), commands come in through the shared mailbox, which the worker waits on with
 * Atomics.wait; Stop (the interrupt buffer) ends the wait. A guard that ran out leaves
 * {@link DEBUG_TIMEOUT_MARK} in the mailbox before it interrupts, which tells it from Stop.
 */
export function createDebugChannel(options: DebugChannelOptions): DebugChannel {
  const { mailbox, interrupt } = options;
  const takeMark = (): boolean => {
    if (pollStdin(mailbox, DEBUG_TIMEOUT_MARK) === null) return false;
    Atomics.store(interrupt, 0, 0);
    return true;
  };
  return {
    paused(text) {
      options.onPause(JSON.parse(text));
    },
    wait() {
      for (;;) {
        const got = readStdin(mailbox, interrupt);
        // A guard's time that ran out just as its code ended is not a Stop.
        if (got.kind === 'interrupted' && takeMark()) continue;
        if (got.kind === 'interrupted') {
          // The debugger raises the KeyboardInterrupt itself: left set, the buffer would raise a second one.
          Atomics.store(interrupt, 0, 0);
          return undefined; // JavaScript's null would reach Python as JsNull, not None
        }
        if (got.kind !== 'line') return undefined;
        const text = got.text.replace(/\n$/, '');
        if (text !== DEBUG_TIMEOUT_MARK) return text;
      }
    },
    answer(requestId, text) {
      options.onAnswer(requestId, JSON.parse(text));
    },
    // Shared memory, not messages: a condition evaluated at every pass of a loop would flood the frame.
    guard(ms) {
      Atomics.store(options.guard, 0, ms > 0 ? BigInt(Date.now() + ms) : 0n);
    },
    timed_out: takeMark,
  };
}
