import { replyForExplain } from '../replies.ts';
import type { OfflineIntent } from './offlineIntent.ts';

/** "Why did it fail?", "explain this error": handle_error on the last failed run. */
export const explainIntent: OfflineIntent = {
  name: 'explain',
  features: [
    [/\bwhy\b|\bhow come\b/, 3],
    [/\b(explain|diagnose)\b|\bwhat (went wrong|happened)\b|\bwhat does (this|the|that) (error|exception|traceback) mean\b/, 5],
    [/\b(error|errors|fail|fails|failed|failure|exception|traceback|wrong|crash|crashed|broke|broken|bug)\b/, 2],
    [/\bblow(s|n)? up\b|\bblew up\b|\bexploded\b|\bfell over\b/, 2],
    [/\bfix\b/, 3],
  ],
  kinds: ['explain'],
  label: () => 'Explain the last error',
  step: () => ({ kind: 'explain' }),
  // "Why does test_bad fail? Stop where it fails": the debug run answers it.
  merge: (last, next) => (next.kind === 'explain' ? last : next.kind === 'debug' ? next : null),
  async run(step, turn) {
    if (step.kind !== 'explain') return null;
    const outcome = await turn.call('handle_error', {});
    if (outcome) turn.say(replyForExplain(outcome));
    return outcome?.summary ?? null;
  },
};
