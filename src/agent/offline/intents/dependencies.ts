import { replyForDependencies } from '../replies.ts';
import type { OfflineIntent } from './offlineIntent.ts';

/** "Check which packages are missing (and install them)": the dependency analysis, then installs. */
export const dependenciesIntent: OfflineIntent = {
  name: 'dependencies',
  features: [
    [/\b(packages?|dependenc(y|ies)|requirements?|imports?|librar(y|ies)|environment)\b/, 3],
    [/\bmissing\b/, 2],
    [/\bneeds?\b/, 1],
    [/\bwhat does (this|it|the code) need\b|\bneed to install\b|\bwhat (do i|should i|to) install\b|\binstalled\b/, 5],
  ],
  kinds: ['dependencies'],
  label: () => 'Check its packages',
  step: ({ clause, code }) => {
    const c = clause.toLowerCase();
    // "What do I need to install?" asks what is missing; it does not ask to install it.
    const asks = /\b(need to|should i|do i|to) install\b/.test(c);
    return { kind: 'dependencies', code, install: !asks && /\binstall\b|\bset up\b|\bsetup\b/.test(c) };
  },
  // "Check which packages are missing and install them": one analysis that installs.
  merge(last, next) {
    if (last.kind !== 'dependencies') return null;
    if (next.kind === 'dependencies') return { ...last, install: last.install || next.install };
    if (next.kind === 'install' && next.packages.length === 0) return { ...last, install: true };
    return null;
  },
  async run(step, turn) {
    if (step.kind !== 'dependencies') return null;
    const analysis = await turn.call('analyze_dependencies', step.code ? { code: step.code } : {});
    if (!analysis) return null;
    const installable = (analysis.data as { installable: string[] }).installable;
    const installed = step.install && installable.length ? await turn.call('install_packages', { packages: installable }) : null;
    turn.say(replyForDependencies(analysis, installed, step.install));
    return installed ? `${analysis.summary} ${installed.summary}` : analysis.summary;
  },
};
