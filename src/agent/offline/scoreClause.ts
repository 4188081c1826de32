import { isTestTarget } from './isTestTarget.ts';

/** Every reading the offline assistant knows, one per tool (run covers execute_code and execute_batch). */
export const INTENTS = [
  'run',
  'tests',
  'profile',
  'files',
  'read',
  'write',
  'validate',
  'dependencies',
  'install',
  'explain',
  'demo',
  'help',
] as const;
/** One reading of a request. */
export type Intent = (typeof INTENTS)[number];

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
}

type Feature = [RegExp, number];

/** Words that point at each reading, with their weight; a clause's score for a reading is the sum of what matches. */
const FEATURES: Record<Exclude<Intent, 'help'>, Feature[]> = {
  run: [
    [/\b(run|execute|exec|launch|start|rerun|re-run)\b/, 3],
    [/\bwhat does (this|it|the code) (print|output|return|do)\b|\bwhat('s| is) the output\b/, 4],
    [/\btry (it|this)\b/, 2],
  ],
  tests: [
    [/\b(tests?|pytest|unit ?tests?|test ?suite|test ?cases?)\b/, 4],
    [/\bcover(age|ed)?\b|\buntested\b/, 4],
  ],
  profile: [
    [/\bprofil(e|es|ing|er)\b/, 5],
    [/\bbottlenecks?\b|\bhot ?spots?\b/, 4],
    [/\boptimi[sz](e|ation|ations|ing)\b/, 3],
    [/\bslow(er|est|ly)?\b|\bspeed (it |this )?up\b|\bfaster\b/, 3],
    [/\bhow long\b|\btime (it|this|the code)\b|\bbenchmark\b|\bwhere (does )?the time go/, 3],
    [/\bperformance\b/, 2],
  ],
  files: [[/\b(list|show|which|what)\b[^.?!\n]*\bfiles\b|^\s*ls\s*$|\bfile tree\b|\bwhat('s| is) in the project\b/, 5]],
  read: [[/\b(read|open|cat|view|display|show|print out|contents? of)\b/, 2]],
  write: [[/\b(save|write|create|make|store)\b[^.?!\n]*\b(file|as|to|called|named)\b/, 3]],
  validate: [
    [/\b(validate|validation|lint|review|audit)\b/, 5],
    [/\bsafe to run\b|\bis (this|it) safe\b|\bsecurity\b|\bdangerous\b|\bmalicious\b/, 5],
    [/\bcheck\b/, 3],
  ],
  dependencies: [
    [/\b(packages?|dependenc(y|ies)|requirements?|imports?|librar(y|ies)|environment)\b/, 3],
    [/\bmissing\b/, 2],
    [/\bneeds?\b/, 1],
  ],
  install: [[/\b(install|set up|setup)\b/, 4]],
  explain: [
    [/\b(explain|why|what went wrong|what happened|what does (this|the|that) (error|exception|traceback) mean|debug|diagnose)\b/, 3],
    [/\b(error|errors|fail|fails|failed|failure|exception|traceback|wrong|crash|crashed|broke|broken|bug)\b/, 2],
  ],
  // "A demo of bubble sort for profiling" asks for a demo, whatever it is about.
  demo: [[/\bdemo\b|\bexample (of|for|about)\b|\bshow me an example\b/, 7]],
};

/** The words of a clause without its paths, so "tests/test_calc.py" does not read as the word "tests". */
const withoutPaths = (clause: string, paths: string[]) => paths.reduce((text, p) => text.split(p).join(' '), clause).toLowerCase();

/**
 * Scores one clause against every reading, best first. The rules that need more than one word:
 * explaining needs a failure to explain; reading and writing need a file; a test file named
 * with "run" is a test run; a clause that is only a file name continues the clause before it.
 */
export function scoreClause(clause: string, facts: ClauseFacts): IntentScore[] {
  const words = withoutPaths(clause, facts.paths);
  const score = (intent: Exclude<Intent, 'help'>) => FEATURES[intent].reduce((sum, [re, w]) => sum + (re.test(words) ? w : 0), 0);
  const scores = new Map<Intent, number>(INTENTS.map((i) => [i, i === 'help' ? 0 : score(i)]));
  const path = facts.paths[0];
  if ((scores.get('explain') ?? 0) < 5) scores.set('explain', 0); // "why is it slow" explains no failure
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
    .sort((a, b) => b.score - a.score || INTENTS.indexOf(a.intent) - INTENTS.indexOf(b.intent));
}
