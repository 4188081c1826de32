import { extractCode } from './extractCode.ts';
import { isTestTarget } from './isTestTarget.ts';

/** What the offline assistant decided to do with a message. */
export type OfflinePlan =
  | { kind: 'run'; code: string }
  | { kind: 'run-editor' }
  /** Profile the code block, or (null) the file open in the editor. */
  | { kind: 'profile'; code: string | null }
  /** `path`: a file, folder or node id as the user wrote it; null for every test. */
  | { kind: 'tests'; path: string | null; coverage: boolean; code: string | null }
  | { kind: 'files' }
  | { kind: 'read'; path: string }
  | { kind: 'validate'; code: string | null }
  | { kind: 'dependencies'; code: string | null; install: boolean }
  | { kind: 'explain' }
  | { kind: 'demo'; topic: string }
  | { kind: 'help' };

const has = (re: RegExp, text: string) => re.test(text);

/** A file path (with a known extension) or a pytest node id, after a space, a quote or a bracket. */
const PATH = /(?:^|[\s'"`(])((?:[\w.-]+\/)*[\w-][\w.-]*\.(?:py|txt|md|json|csv|toml|cfg|ini|ya?ml)(?:::[\w.[\]-]+)*)/;
const PATHS = new RegExp(PATH.source, 'g');

/**
 * Understands the seed's requests without a model: deterministic keyword rules over
 * the prose around the code block ("Execute this code: ```python ...```",
 * "Run the tests in test_calculator.py and show me the coverage report", ...).
 */
export function planOffline(message: string): OfflinePlan {
  const { code, prose } = extractCode(message);
  const p = prose.toLowerCase();
  // The words without the paths, so "tests/test_calc.py" does not read as the word "tests".
  const words = p.replace(PATHS, ' ');
  const path = PATH.exec(prose)?.[1] ?? null;
  const profile = has(/\bprofil(e|ing|er)\b|\bbottlenecks?\b|\boptimi[sz]|\bperformance\b|\bhot ?spots?\b|\bspeed (it )?up\b|\bwhy is (it|this|my code) (so )?slow\b/, p);
  if (has(/\bdemo\b|\bexample (of|for)\b|\bshow me an example\b/, p) && !code) {
    const topic = /\b(?:demo|example)s?\s+(?:of|for|about|with|on)\s+(.+)$/s.exec(prose)?.[1] ?? prose;
    return { kind: 'demo', topic: topic.trim().replace(/[.?!]+$/, '') };
  }
  const runsTestFile = path !== null && isTestTarget(path) && has(/\b(run|execute|pytest)\b/, words);
  if ((has(/\b(tests?|pytest|coverage)\b/, words) || runsTestFile) && !has(/\bdemo\b/, words)) {
    return { kind: 'tests', path: path && (path.endsWith('.py') || path.includes('::')) ? path : null, coverage: has(/\bcover(age|ed)?\b/, words), code };
  }
  if (profile) return { kind: 'profile', code };
  if (!code && has(/\b(list|show|which|what)\b[^.?!\n]*\bfiles\b|^\s*ls\s*$|\bfile tree\b/, p)) return { kind: 'files' };
  if (!code && path && has(/\b(read|open|show|cat|display|view)\b/, words) && !has(/\b(run|execute|validate|check|install|explain)\b/, words)) {
    return { kind: 'read', path };
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
  if (code) return { kind: 'run', code };
  if (has(/\b(run|execute)\b/, p)) return { kind: 'run-editor' };
  return { kind: 'help' };
}
