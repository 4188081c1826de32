import * as z from 'zod';
import { describeBatch, type BatchBlock, type BatchSummary } from '../../runs/summarizeBatch.ts';
import type { ExecutionResult } from '../../protocol/results.ts';
import { checkToolPath } from './checkToolPath.ts';
import { defineTool } from './defineTool.ts';
import { namePaths } from './namePaths.ts';
import { clip } from './runSummary.ts';
import { isTextFile } from '../../project/fileContent.ts';

/** One step as execute_batch reports it. */
export interface BatchStepSummary {
  name: string;
  status: ExecutionResult['status'] | 'skipped';
  stdout: string;
  error: string | null;
  wallMs: number | null;
}

/** What execute_batch returns. */
export interface BatchData {
  summary: BatchSummary;
  steps: BatchStepSummary[];
}

/** execute_batch: runs several code blocks or project files in order, each a timed run with its own result. */
export const executeBatchTool = defineTool({
  name: 'execute_batch',
  description:
    'Run several pieces of Python in order, each as __main__ with its own result and metrics, and sum them up. Give `blocks` (code strings) ' +
    'or `paths` (project files, run with the project around them). `shared_state` (default true) lets later steps see earlier variables; ' +
    '`stop_on_error` skips the rest after a failure.',
  schema: z.object({
    blocks: z.array(z.string().min(1, 'a block is empty').max(200_000)).min(1).max(50).optional().describe('Code blocks, run in order.'),
    paths: z
      .array(z.string().min(1).max(500))
      .min(1)
      .max(50)
      .optional()
      .describe('Project files to run in order instead, like ["prepare.py", "train.py"].'),
    stop_on_error: z.boolean().optional().describe('Skip the remaining steps after a failure (default false).'),
    shared_state: z
      .boolean()
      .optional()
      .describe("Run every step in the session's namespace (default true); false gives each a fresh one."),
  }),
  async run({ blocks, paths, stop_on_error = false, shared_state = true }, ctx) {
    if ((blocks ? 1 : 0) + (paths ? 1 : 0) !== 1) {
      const error = 'Give either `blocks` (code strings) or `paths` (project files), not both and not neither.';
      return { ok: false, summary: error, data: { error } };
    }
    const files = ctx.project?.files() ?? [];
    let input: BatchBlock[];
    if (paths) {
      input = [];
      for (const raw of paths) {
        const checked = checkToolPath(raw);
        if ('error' in checked) return { ok: false, summary: checked.error, data: { error: checked.error } };
        const file = files.find((f) => f.path === checked.path);
        if (!file) {
          const error = `${checked.path} is not in the project. Its files: ${namePaths(files.map((f) => f.path))}.`;
          return { ok: false, summary: error, data: { error } };
        }
        if (!isTextFile(file)) {
          const error = `${checked.path} is a binary file, not Python code.`;
          return { ok: false, summary: error, data: { error } };
        }
        input.push({ name: file.path, code: file.content });
      }
    } else input = (blocks ?? []).map((code, i) => ({ name: `block ${i + 1}`, code }));
    if (!ctx.engine.executeBatch) return { ok: false, summary: 'This engine has no batch runs.', data: { error: 'no batch runs' } };
    const batch = await ctx.engine.executeBatch(input, {
      stopOnError: stop_on_error,
      sharedState: shared_state,
      runOptions: { ...ctx.runOptions(), ...(paths ? { files } : {}) },
    });
    for (const step of batch.steps) if (step.result) ctx.recordResult(step.result);
    const steps: BatchStepSummary[] = batch.steps.map((s) => ({
      name: s.name,
      status: s.result ? s.result.status : 'skipped',
      stdout: s.result ? clip(s.result.stdout + s.result.stderr, 1500) : '',
      error: s.result?.error ? `${s.result.error.type}: ${s.result.error.message}` : null,
      wallMs: s.result ? Math.round(s.result.metrics.wallMs) : null,
    }));
    return {
      ok: batch.summary.success,
      summary: `${describeBatch(batch.summary)}.`,
      data: { summary: batch.summary, steps } satisfies BatchData,
    };
  },
});
