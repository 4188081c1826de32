import type { FinishedSummary, PauseSummary } from '../../tools/debugOutcome.ts';
import type { ToolOutcome } from '../../types.ts';
import { textOf } from '../../../project/fileContent.ts';
import { findTest, firstCodeLine } from '../findTest.ts';
import { isTestTarget } from '../isTestTarget.ts';
import { replyForDebug } from '../replyForDebug.ts';
import type { OfflineIntent, OfflineStep, OfflineTurn } from './offlineIntent.ts';

/** A test function named on its own ("debug test_bad"), not a file. */
const TEST_NAME = /\b(test_\w+)\b(?!\.)/;

/** While a debug run is paused: "step", "into", "continue", "stop", "what is x?" (null: not a debugger command). */
export function debugFollowUp(prose: string): OfflineStep | null {
  const text = prose
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '');
  if (/^(?:step\s+)?into\b|^step in\b/.test(text)) return { kind: 'debug-step', action: 'into' };
  if (/^(?:step\s+)?out\b|^finish\b/.test(text)) return { kind: 'debug-step', action: 'out' };
  if (/^(?:step(?:\s+over)?|next(?:\s+line)?|over|n)$/.test(text)) return { kind: 'debug-step', action: 'over' };
  if (/^(?:continue|go on|resume|keep going|carry on|c|run to the end)\b/.test(text)) return { kind: 'debug-step', action: 'continue' };
  if (/^(?:stop|quit|end|abort|cancel)(?:\s+(?:it|the debugger|debugging|the debug run))?$/.test(text)) return { kind: 'debug-stop' };
  const asked = /^(?:what(?:'s| is)(?: the value of)?|print|show(?: me)?|evaluate|eval|value of|inspect|p)\s+(.+?)\s*\??$/i.exec(
    prose.trim(),
  );
  if (asked?.[1] && !/\b(?:the )?(?:files?|project|code)\b/.test(asked[1].toLowerCase()))
    return { kind: 'debug-evaluate', expression: asked[1].replace(/^`|`$/g, '') };
  return null;
}

/** "Debug test_bad", "step through this", "why does test_bad fail? stop where it fails": the step debugger. */
export const debugIntent: OfflineIntent = {
  name: 'debug',
  features: [
    [/\bdebug(ger|ging)?\b/, 6],
    [/\bstep (through|into)\b|\bline by line\b|\bbreakpoints?\b/, 6],
    [/\bstop (where|when|at the (line|point) where) (it|the test|that) (fails?|breaks?|raises?|crash(es)?)\b/, 7],
    [/\bwhy\b.*\btest_\w+\b(?!\.)|\btest_\w+\b(?!\.).*\bfail/, 7],
  ],
  kinds: ['debug', 'debug-step', 'debug-evaluate', 'debug-stop'],
  label: (p) => (p ? `Debug ${p}` : 'Debug the code'),
  step: ({ clause, code, path }) => ({
    kind: 'debug',
    code,
    target: path ?? TEST_NAME.exec(clause)?.[1] ?? null,
    stepThrough: /\bstep (through|into)\b|\bline by line\b/.test(clause.toLowerCase()),
  }),
  // "Why does test_bad fail? Stop where it fails": one debug run.
  merge: (last, next) => (next.kind === 'debug' || next.kind === 'explain' ? last : null),
  paths: (step) => (step.kind === 'debug' && step.target?.endsWith('.py') ? [step.target] : []),
  async run(step, turn) {
    if (step.kind === 'debug-step') return show(turn, await turn.call('debug_step', { action: step.action }));
    if (step.kind === 'debug-stop') return show(turn, await turn.call('debug_stop', {}));
    if (step.kind === 'debug-evaluate') {
      const outcome = await turn.call('debug_evaluate', { expression: step.expression });
      if (outcome) turn.say(outcome.ok ? `\`${step.expression}\` = \`${(outcome.data as { repr: string }).repr}\`` : outcome.summary);
      return outcome?.summary ?? null;
    }
    if (step.kind !== 'debug') return null;
    if (!turn.tools.some((t) => t.name === 'debug_python')) return (turn.missing('The step debugger'), null);
    const args = debugArgs(step, turn);
    if (typeof args === 'string') return (turn.say(args), null);
    if ('code' in args) turn.memory.lastCode = args.code as string;
    return show(turn, await turn.call('debug_python', args));
  },
};

/** debug_python's arguments for a step, or what to tell the user when there is nothing to debug. */
function debugArgs(step: Extract<OfflineStep, { kind: 'debug' }>, turn: OfflineTurn): Record<string, unknown> | string {
  const { target, stepThrough } = step;
  if (target && !target.endsWith('.py') && !target.includes('::')) {
    const found = findTest(target, turn.files);
    if (!found) return `No test file of the project defines \`${target}\`. Name a test file or a test like \`test_calc.py::test_add\`.`;
    return { test: found.nodeId, ...(stepThrough ? { breakpoints: [{ file: found.file, line: found.firstLine }] } : {}) };
  }
  if (target && isTestTarget(target)) return { test: target };
  const code =
    step.code ??
    (target ? textOf(turn.files.find((f) => f.path === target)) : null) ??
    (!isTestTarget(turn.ctx.project?.activePath() ?? '') ? (turn.memory.lastCode ?? turn.ctx.editorCode()) : null);
  if (code === null) {
    const active = turn.ctx.project?.activePath() ?? '';
    return active && isTestTarget(active) ? { test: active } : 'There is no code to debug: put it in a ```python block, or in the editor.';
  }
  if (!code.trim()) return 'There is no code to debug: put it in a ```python block, or in the editor.';
  const first = stepThrough ? firstCodeLine(code) : null;
  return { code, ...(first ? { breakpoints: [{ file: 'main.py', line: first }] } : {}) };
}

function show(turn: OfflineTurn, outcome: ToolOutcome | null): string | null {
  if (!outcome) return (turn.missing('The step debugger'), null);
  turn.say(replyForDebug(outcome as ToolOutcome<PauseSummary | FinishedSummary | { error: string }>, turn.cards));
  return outcome.summary;
}
