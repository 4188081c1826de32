import { FRAME_PATH } from '../protocol/paths.ts';
import { checkFrameMessage, parseFrameMessage, type FrameToPage, type PageToFrame } from '../protocol/pageFrame.ts';
import { createMessageAssembler } from '../protocol/messagePages.ts';
import { explainRefusal, type RefusedFrameMessage } from '../protocol/explainRefusal.ts';
import type { RuntimeFiles } from '../protocol/runtimeFiles.ts';
import type { SnapshotStore } from './createSnapshotStore.ts';
import { createFrameBoot } from './createFrameBoot.ts';

/** Messages the host handles itself (the frame's start-up, and pages it puts together); the engine gets every other one. */
export type BootMessage = Extract<FrameToPage, { type: 'booted' | 'snapshot' | 'asset-request' }>;
/** A message other than a page (pages are put together first). */
type WholeMessage = Exclude<FrameToPage, { type: 'page' }>;
/** A frame message the engine handles. */
export type EngineMessage = Exclude<WholeMessage, BootMessage>;

/** What the host tells the engine. */
export interface FrameHostHandlers {
  /** Any message from the current frame, before it is checked: the frame is alive. */
  onHeard(): void;
  onMessage(msg: EngineMessage): void;
  /** A message from the current frame that does not fit the protocol or is too large. */
  onRefused(refusal: RefusedFrameMessage): void;
  /** How the interpreter that serves runs started. */
  onBoot: (boot: 'snapshot' | 'normal') => void;
  onNotice: (text: string, level: 'info' | 'warning') => void;
  /** Python cannot start: its files could not be had. */
  onFailed: (message: string) => void;
}

/** The sandbox frame, owned by one module: created, booted, spoken to, replaced. */
export interface FrameHost {
  /** Sends a message to the current frame; queued until the frame has first spoken. */
  post: (msg: PageToFrame) => void;
  /** Whether the current frame has said anything yet. */
  readonly heard: boolean;
  /** Removes the frame (and what it was running) and creates a new one; messages queued for the old one are dropped. */
  replace(): void;
  dispose(): void;
}

/** Options of {@link createFrameHost}. */
export interface FrameHostOptions {
  /** Where to put the hidden sandbox frame (default: document.body). */
  container?: HTMLElement;
  frameUrl?: string;
  /** Memory snapshots: where they are kept, and whether they are on. Off when absent. */
  snapshots?: { store: SnapshotStore; enabled: Promise<boolean> };
  /** Keep a booted spare interpreter in the frame (default true): Stop costs no boot, at the price of its memory. */
  spareInterpreter?: boolean;
  /** Pyodide's files, when their download started before the engine (see fetchRuntimeFiles). */
  runtimeFiles?: Promise<RuntimeFiles>;
}

/** A hidden iframe with `sandbox="allow-scripts"` only: an opaque origin. */
function createFrame(src: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.setAttribute('allow', 'cross-origin-isolated');
  frame.setAttribute('title', 'Python sandbox');
  frame.setAttribute('aria-hidden', 'true');
  frame.dataset.testid = 'sandbox-frame';
  frame.style.display = 'none';
  frame.src = src;
  return frame;
}

/** Creates the sandbox frame in the page and listens to it (and only to it). */
export function createFrameHost(options: FrameHostOptions, handlers: FrameHostHandlers): FrameHost {
  const container = options.container ?? document.body;
  const src = options.frameUrl ?? FRAME_PATH;
  let frame = createFrame(src);
  let heard = false;
  let queue: PageToFrame[] = [];
  const assembler = createMessageAssembler();

  const frameBoot = createFrameBoot({
    origin: location.origin,
    snapshots: options.snapshots,
    spareInterpreter: options.spareInterpreter,
    runtimeFiles: options.runtimeFiles,
    onBoot: handlers.onBoot,
    onNotice: handlers.onNotice,
    onFailed: handlers.onFailed,
  });
  // Only to the frame that asked: a reply for a replaced frame is dropped.
  const sendTo =
    (target: HTMLIFrameElement) =>
    (msg: PageToFrame, transfer: Transferable[] = []): void => {
      if (frame === target) target.contentWindow?.postMessage(msg, '*', transfer);
    };
  const post = (msg: PageToFrame): void => {
    if (!heard || !frame.contentWindow) queue.push(msg);
    else frame.contentWindow.postMessage(msg, '*'); // the frame's origin is opaque: '*' is the only target
  };

  // A checked message, or null when it was refused (the engine is told why) or is a page of one still coming.
  const receive = (data: unknown): WholeMessage | null => {
    const msg = parseFrameMessage(data);
    if (!msg) {
      handlers.onRefused(explainRefusal(data));
      return null;
    }
    if (msg.type !== 'page') return msg;
    const outcome = assembler.add(msg);
    if (outcome.kind === 'more') return null;
    if (outcome.kind === 'refused') {
      handlers.onRefused({ type: outcome.type, id: outcome.id, reason: outcome.reason });
      return null;
    }
    const whole = checkFrameMessage(outcome.data);
    // The pages must make the reply they announced: never a start-up message or another page.
    if (!whole) {
      handlers.onRefused({ ...explainRefusal(outcome.data, Infinity), type: msg.of, id: msg.id });
      return null;
    }
    if (whole.type === 'page' || whole.type !== msg.of || (whole as { id?: unknown }).id !== msg.id) {
      handlers.onRefused({
        type: msg.of,
        id: msg.id,
        reason: `its pages made a '${whole.type}' message, not the '${msg.of}' they announced`,
      });
      return null;
    }
    return whole;
  };

  const onWindowMessage = (event: MessageEvent): void => {
    if (!frame.contentWindow || event.source !== frame.contentWindow) return;
    handlers.onHeard();
    const msg = receive(event.data);
    if (!msg) return;
    if (!heard) {
      heard = true;
      frameBoot.boot(sendTo(frame));
      const queued = queue;
      queue = [];
      queued.forEach(post);
    }
    switch (msg.type) {
      case 'booted':
      case 'snapshot':
        frameBoot.onSnapshotMessage(msg);
        return;
      case 'asset-request':
        frameBoot.answerAsset(msg.id, { url: msg.url, integrity: msg.integrity, accept: msg.accept }, sendTo(frame));
        return;
      default:
        handlers.onMessage(msg);
    }
  };

  window.addEventListener('message', onWindowMessage);
  container.appendChild(frame);

  return {
    post,
    get heard() {
      return heard;
    },
    replace() {
      assembler.clear();
      frame.remove();
      frame = createFrame(src);
      heard = false;
      queue = [];
      container.appendChild(frame);
    },
    dispose() {
      window.removeEventListener('message', onWindowMessage);
      frame.remove();
    },
  };
}
