import type { OfflineIntent } from './offlineIntent.ts';
import { textOf } from '../../../project/fileContent.ts';

/** "Check this code", "is it safe to run": safe mode's validation, nothing run. */
export const validateIntent: OfflineIntent = {
  name: 'validate',
  features: [
    [/\b(validate|validation|lint|review|audit)\b/, 5],
    [/\bsafe to run\b|\bis\b[^.?!]*\bsafe\b|\b(un|in)safe\b|\binsecure\b|\bsecurity\b|\bdangerous\b|\bmalicious\b|\bharmful\b/, 5],
    [/\b(problems?|issues?|mistakes?|smells?)\b/, 3],
    [/\bcheck\b/, 3],
  ],
  kinds: ['validate'],
  label: (p) => (p ? `Check ${p}` : 'Check the code'),
  step: ({ code, path }) => ({ kind: 'validate', code, path: code ? null : path }),
  merge: (last, next) => (next.kind === 'validate' ? last : null),
  paths: (step) => (step.kind === 'validate' && step.path ? [step.path] : []),
  async run(step, turn) {
    if (step.kind !== 'validate') return null;
    if (!turn.tools.some((t) => t.name === 'validate_code')) return (turn.missing('Code validation (validate_code)'), null);
    const fromFile = step.path ? (textOf(turn.files.find((f) => f.path === step.path)) ?? undefined) : undefined;
    const outcome = await turn.call('validate_code', { code: step.code ?? fromFile ?? turn.ctx.editorCode() });
    if (outcome) turn.say(outcome.summary);
    return outcome?.summary ?? null;
  },
};
