import type { BatchData } from '../../tools/executeBatch.ts';
import type { RunSummary } from '../../tools/runSummary.ts';
import type { ToolOutcome } from '../../types.ts';
import { replyForBatch, replyForRun } from '../replies.ts';
import type { OfflineIntent } from './offlineIntent.ts';
import { textOf } from '../../../project/fileContent.ts';

/** "Run this", "execute main.py", "what does it print": the code block, a file, several files, or the editor's code. */
export const runIntent: OfflineIntent = {
  name: 'run',
  features: [
    [/\b(run|execute|exec|launch|start|rerun|re-run)\b/, 3],
    [/\bwhat does (this|it|the code) (print|output|return|do)\b|\bwhat('s| is) the output\b/, 4],
    [/\btry (it|this)\b/, 2],
    [/\b(does|will|would|did)\b[^.?!]*\bwork\b/, 3],
  ],
  kinds: ['run', 'run-editor', 'run-file', 'batch'],
  label: (p) => (p ? `Run ${p}` : 'Run the code'),
  step({ code, path, paths }) {
    if (code) return { kind: 'run', code };
    if (paths.length >= 2) return { kind: 'batch', paths };
    if (path) return { kind: 'run-file', path };
    return { kind: 'run-editor' };
  },
  paths: (step) => (step.kind === 'run-file' ? [step.path] : step.kind === 'batch' ? step.paths : []),
  async run(step, turn) {
    if (step.kind === 'run' || step.kind === 'run-editor') {
      const code = step.kind === 'run' ? step.code : turn.ctx.editorCode();
      if (!code.trim()) return (turn.say('There is no code to run: put it in a ```python block, or in the editor.'), null);
      turn.memory.lastCode = code;
      const outcome = await turn.call('execute_code', { code });
      if (outcome) turn.say(replyForRun(outcome as ToolOutcome<RunSummary>, code, false, turn.cards));
      return outcome?.summary ?? null;
    }
    if (step.kind !== 'run-file' && step.kind !== 'batch') return null;
    const paths = step.kind === 'batch' ? step.paths : [step.path];
    if (step.kind === 'run-file') turn.memory.lastCode = textOf(turn.files.find((f) => f.path === step.path)) ?? turn.memory.lastCode;
    const outcome = await turn.call('execute_batch', { paths, stop_on_error: false, shared_state: false });
    if (!outcome) return (turn.missing('Running project files (execute_batch)'), null);
    turn.say(replyForBatch(outcome as ToolOutcome<BatchData | { error: string }>));
    return outcome.summary;
  },
};
