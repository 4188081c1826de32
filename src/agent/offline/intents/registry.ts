import { dependenciesIntent } from './dependencies.ts';
import { debugIntent } from './debug.ts';
import { demoIntent } from './demo.ts';
import { explainIntent } from './explain.ts';
import { filesIntent } from './files.ts';
import { helpIntent } from './help.ts';
import { installIntent } from './install.ts';
import type { OfflineIntent, OfflineStep } from './offlineIntent.ts';
import { profileIntent } from './profile.ts';
import { readIntent } from './read.ts';
import { runIntent } from './run.ts';
import { testsIntent } from './tests.ts';
import { validateIntent } from './validate.ts';
import { writeIntent } from './write.ts';

/** Every reading the offline assistant knows, one per tool; equal scores go to the one listed first. */
export const OFFLINE_INTENTS: readonly OfflineIntent[] = [
  runIntent,
  testsIntent,
  profileIntent,
  filesIntent,
  readIntent,
  writeIntent,
  validateIntent,
  dependenciesIntent,
  installIntent,
  explainIntent,
  debugIntent,
  demoIntent,
  helpIntent,
];

/** The reading named `name`. */
export function intentNamed(name: string): OfflineIntent {
  const intent = OFFLINE_INTENTS.find((i) => i.name === name);
  if (!intent) throw new Error(`No offline intent is named ${name}.`);
  return intent;
}

/** The reading that carries out steps of `kind`. */
export function intentFor(kind: OfflineStep['kind']): OfflineIntent {
  const intent = OFFLINE_INTENTS.find((i) => i.kinds.includes(kind));
  if (!intent) throw new Error(`No offline intent runs ${kind} steps.`);
  return intent;
}
