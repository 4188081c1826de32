import type { PageToFrame } from '../protocol/pageFrame.ts';
import type { EngineMessage, FrameHost, FrameHostHandlers } from '../engine/createFrameHost.ts';
import type { RefusedFrameMessage } from '../protocol/explainRefusal.ts';

/** A frame host for engine unit tests: it records what the engine posts and lets the test speak as the frame. */
export interface FakeFrameHost {
  /** Pass as `createEngine({ host })`. */
  host: (handlers: FrameHostHandlers) => FrameHost;
  /** Everything the engine posted, in order (across replacements). */
  readonly posted: PageToFrame[];
  /** How many times the engine replaced its frame. */
  readonly replacements: number;
  /** The frame sends `msg` (counts as a sign of life). */
  send(msg: EngineMessage): void;
  /** The frame sends something the page refuses. */
  sendRefused(refusal: RefusedFrameMessage): void;
  /** The messages of `type` the engine posted. */
  postedOf<T extends PageToFrame['type']>(type: T): Array<Extract<PageToFrame, { type: T }>>;
  /** The frame says Python is ready. */
  ready(): void;
}

/** Creates a fake frame host (see {@link FakeFrameHost}). */
export function createFakeFrameHost(): FakeFrameHost {
  const posted: PageToFrame[] = [];
  let handlers: FrameHostHandlers | null = null;
  let replacements = 0;
  const speak = (): FrameHostHandlers => {
    if (!handlers) throw new Error('createEngine has not made its host yet');
    return handlers;
  };
  const fake: FakeFrameHost = {
    host(given) {
      handlers = given;
      return {
        post: (msg) => posted.push(msg),
        heard: true,
        replace: () => void replacements++,
        dispose: () => undefined,
      };
    },
    posted,
    get replacements() {
      return replacements;
    },
    send(msg) {
      speak().onHeard();
      speak().onMessage(msg);
    },
    sendRefused(refusal) {
      speak().onHeard();
      speak().onRefused(refusal);
    },
    postedOf<T extends PageToFrame['type']>(type: T) {
      return posted.filter((m): m is Extract<PageToFrame, { type: T }> => m.type === type);
    },
    ready() {
      fake.send({ type: 'state', state: 'ready', detail: 'Ready', progress: null });
    },
  };
  return fake;
}
