import type { FrameToPage, PageToFrame } from '../protocol/pageFrame.ts';
import type { LanguageQuery, LanguageRequest } from '../protocol/language.ts';
import type { ProjectFile } from '../protocol/testProtocol.ts';
import type { WorkerHandle, WorkerListener } from './createWorkerHandle.ts';

type LanguageMessage = Extract<PageToFrame, { type: 'language' }>;

/** What the language host needs from the frame. */
export interface LanguageHostDeps {
  spawn(listener: WorkerListener): WorkerHandle;
  send(msg: FrameToPage): void;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
}

/** A question not answered in this time means Jedi is stuck (on hostile code): the worker is replaced. */
export const LANGUAGE_ANSWER_MS = 10_000;

/** The language worker, as the frame's message loop sees it. */
export interface LanguageHost {
  handle(msg: LanguageMessage): void;
}

/**
 * Owns the language worker: an interpreter of its own (started on the first request) that
 * answers the editor's questions with Jedi and never runs user code, so completions work while a
 * program runs. One request at a time; a newer request of the same kind replaces one still waiting
 * (answered `superseded`), so typing fast never queues stale work. The project's files and the run's
 * names travel with the next request sent, and again to a worker that replaced a failed one.
 */
export function createLanguageHost(deps: LanguageHostDeps): LanguageHost {
  let worker: WorkerHandle | null = null;
  let inFlight: number | null = null;
  let inFlightTimer: unknown = null;
  const waiting = new Map<LanguageQuery['kind'], LanguageMessage>();
  // The latest files and names, and whether the current worker has them.
  let files: ProjectFile[] | null = null;
  let names: Array<[string, string]> | null = null;
  let filesSent = false;
  let namesSent = false;

  const answer = (id: number, error: string, superseded = false): void =>
    deps.send({ type: 'language-result', id, response: { ok: false, error, ...(superseded ? { superseded } : {}) } });

  const lost = (message: string): void => {
    worker?.terminate();
    worker = null;
    filesSent = namesSent = false;
    if (inFlight !== null) answer(inFlight, `The language interpreter stopped: ${message}`);
    inFlight = null;
    deps.clearTimer(inFlightTimer);
    pump();
  };

  const start = (): WorkerHandle => {
    const w = deps.spawn((h, msg) => {
      if (h !== worker) return;
      if (msg.type === 'language-result' && msg.id === inFlight) {
        inFlight = null;
        deps.clearTimer(inFlightTimer);
        deps.send({ type: 'language-result', id: msg.id, response: msg.response });
        pump();
      } else if (msg.type === 'fatal' || msg.type === 'boot-failed') lost(msg.message);
    });
    worker = w;
    workerReady = false;
    w.ready.then(
      () => {
        if (w !== worker) return;
        workerReady = true;
        pump();
      },
      () => undefined,
    );
    return w;
  };

  let workerReady = false;
  function pump(): void {
    if (inFlight !== null) return;
    const next = waiting.values().next();
    if (next.done) return;
    const w = worker ?? start();
    if (!workerReady) return;
    const msg = next.value;
    waiting.delete(msg.request.query.kind);
    const request: LanguageRequest = { query: msg.request.query };
    if (files && !filesSent) request.files = files;
    if (names && !namesSent) request.names = names;
    filesSent = namesSent = true;
    inFlight = msg.id;
    inFlightTimer = deps.setTimer(
      () => lost(`it did not answer within ${LANGUAGE_ANSWER_MS / 1000} s, so it was restarted`),
      LANGUAGE_ANSWER_MS,
    );
    w.language(msg.id, request);
  }

  return {
    handle(msg) {
      if (msg.request.files) {
        files = msg.request.files;
        filesSent = false;
      }
      if (msg.request.names) {
        names = msg.request.names;
        namesSent = false;
      }
      const older = waiting.get(msg.request.query.kind);
      if (older) answer(older.id, 'A newer request took its place.', true);
      waiting.set(msg.request.query.kind, msg);
      pump();
    },
  };
}
