import type { OfflineIntent } from './offlineIntent.ts';

/** "Save this as utils.py": the code block becomes a project file. */
export const writeIntent: OfflineIntent = {
  name: 'write',
  features: [[/\b(save|write|create|make|store)\b[^.?!\n]*\b(file|as|to|called|named)\b/, 3]],
  kinds: ['write'],
  label: (p) => (p ? `Save as ${p}` : 'Save the code'),
  step: ({ code, path }) => (path && code ? { kind: 'write', path, code } : code ? { kind: 'run', code } : { kind: 'help' }),
  async run(step, turn) {
    if (step.kind !== 'write') return null;
    const outcome = await turn.call('write_file', { path: step.path, content: `${step.code}\n` });
    if (!outcome) return (turn.missing('Saving project files (write_file)'), null);
    turn.say(outcome.summary);
    return outcome.summary;
  },
};
