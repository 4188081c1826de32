import { isTestTarget } from './isTestTarget.ts';
import { OFFLINE_INTENTS } from './intents/registry.ts';

/** One reading of a request: the name of an offline intent (see intents/registry.ts). */
export type Intent = string;

/** A reading with how strongly the clause supports it. */
export interface IntentScore {
  intent: Intent;
  score: number;
}

/** What besides the words bears on a clause. */
export interface ClauseFacts {
  hasCode: boolean;
  /** Paths the clause names. */
  paths: string[];
  /** The reading of the clause before (a bare "model_training.py" after "run a.py then" continues it). */
  previous: Intent | null;
  /** The last run failed: "why?" asks about it. */
  lastFailed?: boolean;
}

const NAMES = OFFLINE_INTENTS.map((i) => i.name);

/** The words of a clause without its paths, so "tests/test_calc.py" does not read as the word "tests". */
const withoutPaths = (clause: string, paths: string[]) => paths.reduce((text, p) => text.split(p).join(' '), clause).toLowerCase();

/**
 * Scores one clause against every reading, best first. The rules that need more than one word:
 * explaining needs a failure to explain; reading and writing need a file; a test file named
 * with "run" is a test run; a clause that is only a file name continues the clause before it.
 */
export function scoreClause(clause: string, facts: ClauseFacts): IntentScore[] {
  const words = withoutPaths(clause, facts.paths);
  const scores = new Map<Intent, number>(
    OFFLINE_INTENTS.map((i) => [i.name, i.features.reduce((sum, [re, w]) => sum + (re.test(words) ? w : 0), 0)]),
  );
  const path = facts.paths[0];
  // After a failed run every "why" is about the failure; otherwise "why is it slow" explains no failure.
  if (facts.lastFailed && /\bwhy\b|\bhow come\b|\bwhat happened\b/.test(words))
    scores.set('explain', Math.max(6, scores.get('explain') ?? 0));
  if ((scores.get('explain') ?? 0) < 5) scores.set('explain', 0);
  // "Show me X" reads X, unless the clause asks for something about it ("show me the coverage of calc.py").
  const strongest = Math.max(...[...scores.entries()].filter(([i]) => i !== 'read').map(([, v]) => v));
  if (!path) scores.set('read', 0);
  else if (scores.get('read') && strongest < 4) scores.set('read', 4);
  if (!path || !facts.hasCode) scores.set('write', 0);
  else scores.set('write', (scores.get('write') ?? 0) + (scores.get('write') ? 2 : 0));
  if (path && isTestTarget(path) && (scores.get('run') ?? 0) > 0) scores.set('tests', (scores.get('tests') ?? 0) + 4);
  if (/\b(packages?|dependenc)/.test(words) && (scores.get('validate') ?? 0) === 3) scores.set('validate', 0); // "check which packages are missing"
  if (facts.hasCode && [...scores.values()].every((v) => v < 2)) scores.set('run', 2);
  const nothing = [...scores.values()].every((v) => v === 0) && words.replace(/[^a-z]+/g, '') === '';
  if (nothing && path) {
    // Only a file name: continue the clause before, or ask whether to run it or show it.
    if (facts.previous) scores.set(facts.previous, 3);
    else {
      scores.set('run', 2);
      scores.set('read', 2);
    }
  }
  return [...scores.entries()]
    .map(([intent, s]) => ({ intent, score: s }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || NAMES.indexOf(a.intent) - NAMES.indexOf(b.intent));
}
