import type { ListFilesData } from '../../tools/listFiles.ts';
import type { ToolOutcome } from '../../types.ts';
import { replyForFiles } from '../replies.ts';
import type { OfflineIntent } from './offlineIntent.ts';

/** "Show the files", "ls": the project's files. */
export const filesIntent: OfflineIntent = {
  name: 'files',
  features: [[/\b(list|show|which|what)\b[^.?!\n]*\bfiles\b|^\s*ls\s*$|\bfile tree\b|\bwhat('s| is) in the project\b/, 5]],
  kinds: ['files'],
  label: () => 'List the files',
  step: () => ({ kind: 'files' }),
  merge: (last, next) => (next.kind === 'files' ? last : null),
  async run(step, turn) {
    if (step.kind !== 'files') return null;
    const outcome = await turn.call('list_files', {});
    if (!outcome) return (turn.missing('Listing the project (list_files)'), null);
    turn.say(replyForFiles(outcome as ToolOutcome<ListFilesData | { error: string }>));
    return outcome.summary;
  },
};
