import type { ProfileData } from '../../tools/profileCode.ts';
import type { RunSummary } from '../../tools/runSummary.ts';
import type { ToolOutcome } from '../../types.ts';
import { replyForProfile, replyForRun } from '../replies.ts';
import type { OfflineIntent } from './offlineIntent.ts';

/** "Profile this and suggest optimizations", "why is it slow": the code block, a file, or the editor's code. */
export const profileIntent: OfflineIntent = {
  name: 'profile',
  features: [
    [/\bprofil(e|es|ing|er)\b/, 5],
    [/\bbottlenecks?\b|\bhot ?spots?\b/, 4],
    [/\boptimi[sz](e|ation|ations|ing)\b/, 3],
    [/\bslow(er|est|ly)?\b/, 3],
    [/\bfaster\b|\bquicker\b|\bspeed (it |this |that )?up\b/, 4],
    [/\bhow long\b|\btime (it|this|that|the code)\b|\bbenchmark\b/, 3],
    [/\bwhere('s| is| does)?( all)?( of)? (the|my) time\b|\b(taking|takes?|took) (so |too |this )?(long|forever)\b/, 4],
    [/\bperformance\b/, 2],
  ],
  kinds: ['profile'],
  label: (p) => (p ? `Profile ${p}` : 'Profile the code'),
  step: ({ code, path }) => ({ kind: 'profile', code, path: code ? null : path }),
  merge: (last, next) => (next.kind === 'profile' ? last : null),
  paths: (step) => (step.kind === 'profile' && step.path ? [step.path] : []),
  async run(step, turn) {
    if (step.kind !== 'profile') return null;
    if (step.code) turn.memory.lastCode = step.code;
    if (!turn.tools.some((t) => t.name === 'profile_code')) {
      // Without the profiler, a timed run says at least how long it took.
      const code = step.code ?? turn.ctx.editorCode();
      const outcome = await turn.call('execute_code', { code });
      if (outcome) turn.say(replyForRun(outcome as ToolOutcome<RunSummary>, code, true, turn.cards));
      return outcome?.summary ?? null;
    }
    const outcome = await turn.call('profile_code', step.code ? { code: step.code } : step.path ? { path: step.path } : {});
    if (outcome) turn.say(replyForProfile(outcome as ToolOutcome<ProfileData | { error: string }>));
    return outcome?.summary ?? null;
  },
};
