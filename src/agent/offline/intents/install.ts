import type { OfflineIntent } from './offlineIntent.ts';

/** Words after "install" that name no package. */
const VAGUE = new Set(
  'them it those these what whatever everything all the missing ones packages package dependencies safely please and is needed required for me any'.split(
    ' ',
  ),
);
/** Words after "install" that mean "what the analysis finds". */
const PRONOUNS = new Set(['them', 'it', 'those', 'these', 'what', 'whatever', 'everything', 'missing']);

/** Package names after "install" ("install numpy and pandas"), none for pronouns and vague words. */
export function packageNames(clause: string): string[] {
  const after = /\binstall\s+(.+)$/i.exec(clause)?.[1] ?? '';
  const words = after.split(/[\s,]+/).map((w) => w.replace(/[.!?;:]+$/, ''));
  if (words.some((w) => PRONOUNS.has(w.toLowerCase()))) return [];
  return words.filter((w) => /^[A-Za-z][\w.-]*$/.test(w) && !VAGUE.has(w.toLowerCase()));
}

/** "Install numpy and pandas"; "install them" means what the dependency analysis finds. */
export const installIntent: OfflineIntent = {
  name: 'install',
  features: [[/\b(install|set up|setup)\b/, 4]],
  kinds: ['install'],
  label: () => 'Install the packages',
  step({ clause, code }) {
    const names = packageNames(clause);
    return names.length ? { kind: 'install', packages: names } : { kind: 'dependencies', code, install: true };
  },
  async run(step, turn) {
    if (step.kind !== 'install') return null;
    const outcome = await turn.call('install_packages', { packages: step.packages });
    if (!outcome) return null;
    turn.say(outcome.summary);
    return outcome.summary;
  },
};
