import type { EngineState } from '../protocol/results.ts';
import type { WorkerToFrame } from '../protocol/frameWorker.ts';
import type { FrameDeps } from './frameDeps.ts';
import type { SupervisorRun } from './supervisorRun.ts';

/** What the current run's worker messages need from the supervisor. */
export interface RunMessageContext {
  send: FrameDeps['send'];
  state: (state: EngineState, detail: string) => void;
  /** The worker's result for the run (unchecked: the supervisor fits it to what the page accepts). */
  finish: (run: SupervisorRun, raw: unknown) => void;
}

/** Handles a message the worker sent about the current run: its output, input, pauses, clock and result. */
export function handleRunMessage(run: SupervisorRun, msg: WorkerToFrame, ctx: RunMessageContext): void {
  const { send, state } = ctx;
  const stopping = run.phase === 'stopping';
  switch (msg.type) {
    case 'output':
      for (const c of msg.chunks) run.outputChars += c.text.length;
      send({ type: 'output', id: run.id, chunks: msg.chunks });
      return;
    case 'display':
      for (const text of Object.values(msg.display.data)) run.outputChars += text.length;
      send({ type: 'display', id: run.id, display: msg.display });
      return;
    case 'input-request':
      // By default the time a program waits for its user does not count toward its timeout.
      if (!stopping) {
        run.phase = 'input';
        if (!run.options.inputCountsTowardTimeout) run.clock.pause();
      }
      send({ type: 'input-request', id: run.id });
      state('running', 'Waiting for input');
      return;
    case 'debug-paused':
      // Time spent paused in the debugger never counts toward the time limit.
      if (!stopping) {
        run.phase = 'paused';
        run.clock.pause();
      }
      send({ type: 'debug-paused', id: run.id, pause: msg.pause });
      state('running', `Paused at ${msg.pause.file}:${msg.pause.line}`);
      run.mailbox?.flush();
      return;
    case 'debug-answer':
      if (run.mailbox?.answered(msg.requestId)) {
        send({ type: 'debug-answer', id: run.id, requestId: msg.requestId, answer: msg.answer });
        run.mailbox.flush();
      }
      return;
    case 'accepted':
      if (run.phase === 'sent') run.phase = 'preparing';
      return;
    case 'started':
      // Until the worker says the user's code has started, the run may still be writing files or loading
      // packages: that does not count against its limit.
      if (stopping) return;
      run.phase = 'running';
      run.clock.userCodeStarted();
      return;
    case 'sample':
      send({ type: 'sample', id: run.id, sample: msg.sample });
      return;
    case 'result':
      ctx.finish(run, msg.result);
      return;
    default:
      return;
  }
}
