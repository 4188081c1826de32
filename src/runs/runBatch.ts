import type { ExecutionResult } from '../protocol/results.ts';
import { summarizeBatch, type BatchBlock, type BatchResult, type BatchStep } from './summarizeBatch.ts';

/** Options of a batch. */
export interface BatchOptions {
  /** Stop at the first step that does not succeed; the rest are reported as skipped (default false, as the seed's execute_batch). */
  stopOnError?: boolean;
  /** Run every step in the persistent namespace, so later steps see earlier variables (default true). False: each step gets a fresh `__main__`. */
  sharedState?: boolean;
  /** Called before each step runs. */
  onStep?: (index: number, block: BatchBlock) => void;
}

/** What a batch accepts: code strings (named "block 1", …) or named blocks. */
export type BatchInput = Array<string | BatchBlock>;

/** Names the blocks; throws an Error that says what is wrong for input that is not a list of code. */
export function toBlocks(input: BatchInput): BatchBlock[] {
  if (!Array.isArray(input) || input.length === 0)
    throw new Error('executeBatch needs a non-empty list of code blocks (strings or { name, code }).');
  return input.map((b, i) => {
    if (typeof b === 'string') return { name: `block ${i + 1}`, code: b };
    if (b && typeof b.code === 'string') return { name: typeof b.name === 'string' && b.name ? b.name : `block ${i + 1}`, code: b.code };
    throw new Error(`Block ${i + 1} of the batch is neither a string nor { name, code }.`);
  });
}

/**
 * Runs the blocks one after another with `run` (a timed run each, under the run limits).
 * A stopped step (Stop) always ends the batch.
 */
export async function runBatch(
  blocks: BatchBlock[],
  options: BatchOptions,
  run: (block: BatchBlock, fresh: boolean) => Promise<ExecutionResult>,
): Promise<BatchResult> {
  const steps: BatchStep[] = [];
  let halted = false;
  for (const [index, block] of blocks.entries()) {
    if (halted) {
      steps.push({ index, name: block.name, result: null, success: false, skipped: true });
      continue;
    }
    options.onStep?.(index, block);
    const result = await run(block, options.sharedState === false);
    steps.push({ index, name: block.name, result, success: result.success, skipped: false });
    if (!result.success && (options.stopOnError || result.status === 'stopped')) halted = true;
  }
  return { steps, summary: summarizeBatch(steps) };
}
