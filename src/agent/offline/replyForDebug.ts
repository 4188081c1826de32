import type { FinishedSummary, PauseSummary } from '../tools/debugOutcome.ts';
import type { ToolOutcome } from '../types.ts';

const WHAT_NEXT = 'Say "step", "step into", "step out", "continue", "stop", or ask "what is <expression>?".';

/** The offline reply after a debug tool: where it stopped, the line and the locals, and what to say next; or how the run ended. */
export function replyForDebug(
  outcome: ToolOutcome<PauseSummary | FinishedSummary | { error: string } | { state: 'none' }>,
  cards = true,
): string {
  const d = outcome.data;
  if (!('state' in d) || d.state === 'none') return outcome.summary;
  if (d.state === 'finished') {
    const parts = [outcome.summary];
    const out = (d.stdout + d.stderr).trim();
    if (!cards && out) parts.push(`Output:\n\`\`\`text\n${out.length > 1500 ? `${out.slice(0, 1500)}\n…` : out}\n\`\`\``);
    if (d.advice?.summary) parts.push(d.advice.summary);
    return parts.join('\n\n');
  }
  const inner = d.stack[0]?.split(' (')[0];
  const why =
    d.reason === 'exception'
      ? `, where it failed: ${d.message ?? ''}`
      : d.reason === 'condition-error'
        ? `: ${d.message ?? ''}`
        : d.reason === 'breakpoint'
          ? ' (breakpoint)'
          : '';
  const parts = [`Stopped at **${d.where}**${inner ? ` in \`${inner}\`` : ''}${why}`];
  // The card shows the line, the locals, the stack and the output: the reply repeats them only without cards.
  if (!cards) {
    if (d.source !== null) parts.push(`Line ${d.where.split(':').at(-1) ?? ''}: \`${d.source.trim()}\``);
    const locals = Object.entries(d.locals);
    if (locals.length)
      parts.push(
        `Locals: ${locals
          .slice(0, 12)
          .map(([k, v]) => `\`${k}\` = \`${v}\``)
          .join(', ')}${locals.length > 12 ? `, and ${locals.length - 12} more` : ''}`,
      );
    if (d.stack.length > 1) parts.push(`Called from ${d.stack.slice(1, 4).join(', ')}`);
    if (d.output.trim()) parts.push(`Output so far:\n\`\`\`text\n${d.output.trim().slice(-1500)}\n\`\`\``);
  }
  parts.push(WHAT_NEXT);
  return parts.join('\n\n');
}
