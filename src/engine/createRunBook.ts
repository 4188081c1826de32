import type { DisplayData, ExecutionResult, OutputChunk } from '../protocol/results.ts';
import { mergeChunks, textOf } from '../protocol/outputText.ts';

/** One pending run: what it streamed so far, and how to end the caller's wait. */
interface PendingRun {
  settle(result: ExecutionResult): void;
  output: OutputChunk[];
  displays: DisplayData[];
  /** Some of its output was refused by the page (a marker stands in): its result says truncated. */
  truncated: boolean;
}

/** The runs the engine waits for, one record each (see {@link createRunBook}). */
export interface RunBook {
  /** Starts waiting for run `id`; the promise resolves when it is settled. */
  open(id: number): Promise<ExecutionResult>;
  has(id: number): boolean;
  /** Output the run streamed (the frame's result carries none). */
  addOutput(id: number, chunks: readonly OutputChunk[]): void;
  addDisplay(id: number, display: DisplayData): void;
  /** Some of the run's output could not be shown: `marker` stands in for it and the result says truncated. */
  markTruncated(id: number, marker: readonly OutputChunk[]): void;
  /**
   * Ends run `id` with `result`, its text and rich output replaced by what was streamed (and `truncated` set
   * when output was refused). False when no such run is pending.
   */
  settle(id: number, result: ExecutionResult): boolean;
  /** Ends every pending run with `result` (the frame was replaced); returns their ids. */
  settleAll(result: ExecutionResult): number[];
}

/** Creates the engine's book of pending runs. */
export function createRunBook(): RunBook {
  const runs = new Map<number, PendingRun>();

  const finish = (run: PendingRun, result: ExecutionResult): void => {
    const output = mergeChunks(run.output);
    const metrics = run.truncated ? { ...result.metrics, truncated: true } : result.metrics;
    run.settle({
      ...result,
      metrics,
      output,
      displays: run.displays,
      stdout: textOf(output, 'stdout'),
      stderr: textOf(output, 'stderr'),
    });
  };

  const settle = (id: number, result: ExecutionResult): boolean => {
    const run = runs.get(id);
    if (!run) return false;
    runs.delete(id);
    finish(run, result);
    return true;
  };

  return {
    open(id) {
      return new Promise((settle) => runs.set(id, { settle, output: [], displays: [], truncated: false }));
    },
    has: (id) => runs.has(id),
    addOutput(id, chunks) {
      runs.get(id)?.output.push(...chunks);
    },
    addDisplay(id, display) {
      runs.get(id)?.displays.push(display);
    },
    markTruncated(id, marker) {
      const run = runs.get(id);
      if (!run) return;
      run.truncated = true;
      run.output.push(...marker);
    },
    settle,
    settleAll(result) {
      const ids = [...runs.keys()];
      for (const id of ids) settle(id, result);
      return ids;
    },
  };
}
