import { closestPaths } from './closestPaths.ts';
import { extractCode } from './extractCode.ts';
import { isTestTarget } from './isTestTarget.ts';
import { scoreClause, type Intent } from './scoreClause.ts';
import { intentFor, intentNamed } from './intents/registry.ts';
import { debugFollowUp } from './intents/debug.ts';
import type { OfflineStep } from './intents/offlineIntent.ts';
import { splitClauses } from './splitClauses.ts';

export type { OfflineStep } from './intents/offlineIntent.ts';

/** One short question with a button per reading, when two readings of a message are equally likely. */
export interface OfflineQuestion {
  kind: 'ask';
  question: string;
  options: Array<{ label: string; message: string }>;
}

/** What the offline assistant decided to do with a message. */
export type OfflinePlan =
  | { kind: 'steps'; steps: OfflineStep[] }
  | OfflineQuestion
  /** Files the message names that the project does not have, with the closest names it does have. */
  | { kind: 'missing'; missing: Array<{ path: string; closest: string[] }> };

/** What the planner knows besides the message: the project, and the conversation so far. */
export interface PlanContext {
  /** The project's file paths (empty: unknown, every named file is taken as it is). */
  files: readonly string[];
  /** The code the assistant last ran or profiled ("run it again", "profile that", "now with n = 30"). */
  lastCode: string | null;
  /** The last run failed: a "why" question is about that failure. */
  lastFailed?: boolean;
  /** A debug run is paused: "step", "continue", "stop", "what is x?" drive it. */
  debugPaused?: boolean;
}

const EMPTY_CONTEXT: PlanContext = { files: [], lastCode: null };

/** A file path (with a known extension) or a pytest node id, after a space, a quote or a bracket. */
const PATH = /(?:^|[\s'"`(])((?:[\w.-]+\/)*[\w-][\w.-]*\.(?:py|txt|md|json|csv|toml|cfg|ini|ya?ml)(?:::[\w.[\]-]+)*)/g;
/** Words that ask for several files in one run, in order. */
const IN_ORDER =
  /\bin (?:that |this )?order\b|\beach step\b|\bone after (?:the )?other\b|\bsequen(?:ce|tially)\b|\bpipeline\b|\bscripts\b|\baggregate\b|\bin turn\b|\bstep by step\b/;
/** "run it again", "again", "re-run that", "one more time". */
const AGAIN =
  /^(?:please\s+)?(?:(?:run|execute|do|try)\s+(?:it|that|this|the (?:last|same) (?:code|one))\s+(?:again|once more)|again|re-?run(?:\s+(?:it|that))?|one more time)\b/;
/** "now with n = 30", "try it with size=10", "and for n = 5". */
const WITH_VALUE = /\b(?:with|using|for|set)\s+([A-Za-z_]\w*)\s*=\s*([^\s,;]+(?:\s*[^\s,;]+)?)/;

/** "Import pandas and numpy" (the seed's session example): the modules, with their usual aliases. */
const IMPORT_REQUEST = /^\s*import\s+([\w.]+(?:\s*(?:,|\band\b)\s*[\w.]+)*)\s*[.!]?\s*$/i;
const ALIASES: Record<string, string> = { pandas: 'pd', numpy: 'np', 'matplotlib.pyplot': 'plt', seaborn: 'sns' };
/** Asking what the assistant can do: the only messages that get the whole list. */
const HELP_REQUEST = /^\s*(?:help|\?|what (?:can|do) you do|how do (?:i|you) use (?:you|this|it)|what are you|commands)\b/;

/** Every path the text names, in order, without repeats. */
export function pathsIn(text: string): string[] {
  return [...new Set([...text.matchAll(PATH)].map((m) => (m[1] ?? '').replace(/[.,:;]+$/, '')).filter(Boolean))];
}

/** The last code with a top-level assignment to `name` replaced, or null when it has none. */
function withValue(code: string, name: string, value: string): string | null {
  const line = new RegExp(`^${name}\\s*=.*$`, 'm');
  return line.test(code) ? code.replace(line, `${name} = ${value}`) : null;
}

/**
 * Understands a message without a model. It splits the prose into clauses ("..., then ...",
 * "... and install them"), scores each clause against every tool by its verbs, objects, file
 * names and code ({@link scoreClause}), merges clauses that refine one step ("run the tests and
 * show me the coverage"), and resolves follow-ups against the conversation ("run it again").
 * When the two best readings of a clause are equally likely it asks instead of guessing.
 */
export function planOffline(message: string, context: PlanContext = EMPTY_CONTEXT): OfflinePlan {
  const { code, prose } = extractCode(message);
  const lower = prose.toLowerCase().trim();
  const known = new Set(context.files);
  const exists = (p: string) =>
    known.size === 0 || known.has(p) || isTestTarget(p) || context.files.some((f) => f.startsWith(`${p.replace(/\/$/, '')}/`));

  if (context.debugPaused && !code) {
    const command = debugFollowUp(prose);
    if (command) return steps(command);
  }

  // Follow-ups about the last code.
  if (!code && context.lastCode) {
    if (AGAIN.test(lower)) return steps({ kind: 'run', code: context.lastCode });
    const value = WITH_VALUE.exec(prose);
    if (value && /\b(now|again|try|run|rerun|instead|and)\b|^\s*(with|using|for)\b/i.test(prose)) {
      const changed = withValue(context.lastCode, value[1] ?? '', value[2] ?? '');
      if (changed) return steps({ kind: 'run', code: changed });
    }
    if (/\bprofile (?:it|that|the last (?:code|one))\b/.test(lower)) return steps({ kind: 'profile', code: context.lastCode, path: null });
  }

  const imports = code ? null : IMPORT_REQUEST.exec(prose);
  if (imports) {
    const modules = (imports[1] ?? '').split(/\s*(?:,|\band\b)\s*/).filter(Boolean);
    return steps({ kind: 'run', code: modules.map((m) => (ALIASES[m] ? `import ${m} as ${ALIASES[m]}` : `import ${m}`)).join('\n') });
  }

  // Several files "in order" (a numbered list, "these scripts", "each step"): one batch, whatever the
  // items' descriptions say ("3. evaluation.py - Evaluates model performance" is not a profile request).
  const allPaths = pathsIn(prose).filter((p) => p.endsWith('.py') && !p.includes('::'));
  const numbered = (prose.match(/(?:^|\s)\d+[.)]\s+\S+\.py\b/g) ?? []).length >= 2;
  if (allPaths.length >= 2 && (IN_ORDER.test(lower) || numbered) && !/\btests?\b|\bpytest\b|\bcoverage\b/.test(lower.replace(PATH, ' '))) {
    const missing = allPaths.filter((p) => !exists(p));
    if (missing.length) return missingPlan(missing, context.files);
    return steps({ kind: 'batch', paths: allPaths });
  }

  const clauses = splitClauses(prose);
  const planned: OfflineStep[] = [];
  let previous: Intent | null = null;
  // "I have a module called 'calculator.py'. Run tests on it": a clause about "it" means the last file named.
  let lastPath: string | null = null;
  // The best reading too weak to act on, for the one suggestion a request it cannot read gets.
  let closest: { intent: Intent; score: number; path: string | null } | null = null;
  for (const clause of clauses) {
    const paths = pathsIn(clause);
    const path = paths[0] ?? (/\b(it|this|that|them)\b/i.test(clause) ? lastPath : null);
    if (paths[0]) lastPath = paths[0];
    const scores = scoreClause(clause, { hasCode: code !== null, paths, previous, lastFailed: context.lastFailed === true });
    const [best, second] = scores;
    if (best && (!closest || best.score > closest.score)) closest = { ...best, path };
    if (!best || best.score < 2) continue;
    if (second && second.score >= 2 && best.score - second.score <= 0 && best.intent !== second.intent) {
      return ask(clause, [best.intent, second.intent], path, code);
    }
    const step = intentNamed(best.intent).step({ clause, code, path, paths });
    previous = best.intent;
    mergeInto(planned, step);
  }
  if (planned.length === 0) planned.push(code ? { kind: 'run', code } : HELP_REQUEST.test(lower) ? { kind: 'help' } : suggestion(closest));
  // "Execute and validate this code": the check comes first, as safe mode does before a run.
  const runAt = planned.findIndex((s) => s.kind === 'run');
  const checkAt = planned.findIndex((s) => s.kind === 'validate');
  if (runAt >= 0 && checkAt === runAt + 1) planned.splice(runAt, 2, planned[checkAt] as OfflineStep, planned[runAt] as OfflineStep);

  const missing = planned.flatMap((s) => intentFor(s.kind).paths?.(s) ?? []).filter((p) => !exists(p));
  if (missing.length) return missingPlan(missing, context.files);
  return { kind: 'steps', steps: planned };
}

/** One suggestion for a request it could not read: the closest reading, else running the code. */
function suggestion(closest: { intent: Intent; path: string | null } | null): OfflineStep {
  const label = intentNamed(closest?.intent ?? 'run').label(closest?.path ?? null);
  return { kind: 'suggest', label, message: label };
}

function steps(...list: OfflineStep[]): OfflinePlan {
  return { kind: 'steps', steps: list };
}

function missingPlan(paths: string[], files: readonly string[]): OfflinePlan {
  return { kind: 'missing', missing: [...new Set(paths)].map((path) => ({ path, closest: closestPaths(path, files) })) };
}

/** Adds a step, or folds it into the last one when that reading says it refines it ("and show me the coverage", "and install them"). */
function mergeInto(planned: OfflineStep[], step: OfflineStep): void {
  const last = planned.at(-1);
  const merged = last ? (intentFor(last.kind).merge?.(last, step) ?? null) : null;
  if (merged) planned[planned.length - 1] = merged;
  else planned.push(step);
}

/** The question for two equally likely readings, each option a message that is not ambiguous. */
function ask(clause: string, intents: Intent[], path: string | null, code: string | null): OfflineQuestion {
  const block = code ? `\n\`\`\`python\n${code}\n\`\`\`` : '';
  const options = intents.map((intent) => {
    const label = intentNamed(intent).label(path);
    return { label, message: `${label}${block}` };
  });
  return {
    kind: 'ask',
    question: `"${clause.trim().slice(0, 80)}": should I ${options.map((o) => o.label.charAt(0).toLowerCase() + o.label.slice(1)).join(' or ')}?`,
    options,
  };
}
