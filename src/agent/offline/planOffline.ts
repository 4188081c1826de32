import { extractCode } from './extractCode.ts';

/** What the offline assistant decided to do with a message. */
export type OfflinePlan =
  | { kind: 'run'; code: string; profile: boolean }
  | { kind: 'run-editor'; profile: boolean }
  | { kind: 'tests'; path: string | null; coverage: boolean; code: string | null }
  | { kind: 'validate'; code: string | null }
  | { kind: 'dependencies'; code: string | null; install: boolean }
  | { kind: 'explain' }
  | { kind: 'demo'; topic: string }
  | { kind: 'help' };

const has = (re: RegExp, text: string) => re.test(text);

/**
 * Understands the seed's requests without a model: deterministic keyword rules over
 * the prose around the code block ("Execute this code: ```python ...```",
 * "Run the tests in test_calculator.py and show me the coverage report", ...).
 */
export function planOffline(message: string): OfflinePlan {
  const { code, prose } = extractCode(message);
  const p = prose.toLowerCase();
  const profile = has(/\bprofil(e|ing)\b|\bbottlenecks?\b|\boptimi[sz]/, p);
  if (has(/\bdemo\b|\bexample (of|for)\b|\bshow me an example\b/, p) && !code) {
    const topic = /\b(?:demo|example)s?\s+(?:of|for|about|with|on)\s+(.+)$/s.exec(prose)?.[1] ?? prose;
    return { kind: 'demo', topic: topic.trim().replace(/[.?!]+$/, '') };
  }
  if (has(/\b(tests?|pytest|coverage)\b/, p) && has(/\b(run|execute|test|tests|pytest|coverage)\b/, p) && !has(/\bdemo\b/, p)) {
    const path = /\b([\w./-]*\.py)\b/.exec(prose)?.[1] ?? null;
    return { kind: 'tests', path, coverage: has(/\bcover(age|ed)?\b/, p), code };
  }
  if (!code && has(/\b(explain|fix|why|what went wrong|what happened)\b/, p) && has(/\b(error|errors|fail|failed|failure|exception|traceback|wrong|crash|crashed|happened)\b/, p)) {
    return { kind: 'explain' };
  }
  if (has(/\b(packages?|dependenc(y|ies)|imports?|install|missing|requirements?|environment)\b/, p)) {
    return { kind: 'dependencies', code, install: has(/\binstall\b|\bset up\b|\bsetup\b/, p) };
  }
  if (has(/\b(validate|validation|check|lint|review|safe to run|is this safe)\b/, p) && !has(/\b(run|execute)\b/, p)) {
    return { kind: 'validate', code };
  }
  if (code) return { kind: 'run', code, profile };
  if (has(/\b(run|execute)\b/, p) || profile) return { kind: 'run-editor', profile };
  return { kind: 'help' };
}
