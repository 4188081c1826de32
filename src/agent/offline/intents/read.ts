import type { ReadFileData } from '../../tools/readFile.ts';
import type { ToolOutcome } from '../../types.ts';
import { replyForRead } from '../replies.ts';
import type { OfflineIntent } from './offlineIntent.ts';

/** "Read calc.py", "show me notes.md": a project file's text. */
export const readIntent: OfflineIntent = {
  name: 'read',
  features: [[/\b(read|open|cat|view|display|show|print out|contents? of|see|look at)\b|\bwhat('s| is) in\b/, 2]],
  kinds: ['read'],
  label: (p) => (p ? `Show ${p}` : 'Show the file'),
  step: ({ path }) => (path ? { kind: 'read', path } : { kind: 'files' }),
  paths: (step) => (step.kind === 'read' ? [step.path] : []),
  async run(step, turn) {
    if (step.kind !== 'read') return null;
    const outcome = await turn.call('read_file', { path: step.path });
    if (!outcome) return (turn.missing('Reading project files (read_file)'), null);
    turn.say(replyForRead(outcome as ToolOutcome<ReadFileData | { error: string }>));
    return outcome.summary;
  },
};
