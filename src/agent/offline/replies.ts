import type { ErrorAdvice } from '../../engine/handleError.ts';
import type { InstallReport } from '../../protocol/protocol.ts';
import type { RunSummary } from '../tools/runSummary.ts';
import type { ToolOutcome } from '../types.ts';

const fence = (text: string) => `\`\`\`text\n${text.replace(/```/g, "'''").replace(/\n$/, '')}\n\`\`\``;

/** Markdown list of an error's suggestions. */
export function adviceMarkdown(advice: ErrorAdvice | null): string {
  if (!advice) return '';
  const items = advice.suggestions.map((s) => `- **${s.title}**: ${s.detail}`);
  return [`**${advice.summary}**`, ...(advice.snippet ? [fence(advice.snippet)] : []), ...items].join('\n');
}

/** The offline reply after execute_code. */
export function replyForRun(outcome: ToolOutcome<RunSummary>, code: string, profile: boolean): string {
  const r = outcome.data;
  const parts = [outcome.summary];
  const out = (r.stdout + r.stderr).trim();
  if (out) parts.push(`Output:\n${fence(out.length > 1500 ? `${out.slice(0, 1500)}\n…` : out)}`);
  if (r.value !== null) parts.push(`Value: \`${r.value.slice(0, 200)}\``);
  if (!outcome.ok) parts.push(adviceMarkdown(r.advice));
  if (profile) {
    parts.push(`Time: ${Math.round(r.metrics.wallMs)} ms wall, ${Math.round(r.metrics.cpuMs)} ms CPU; peak memory ${r.metrics.peakMemoryMB.toFixed(1)} MB. A per-function profile (profile_code) is not available in this build yet.`);
    if (/\n([ \t]*)for .*:\s*\n(?:\1[ \t]+.*\n)*?\1[ \t]+for /.test(`\n${code}`)) {
      parts.push('**Optimization hint**: the code has nested loops over the data (O(n²)). For sorting, `sorted()` / `list.sort()` (Timsort, O(n log n)) is far faster than bubble sort; elsewhere, a dict or set lookup often replaces an inner loop.');
    }
  }
  return parts.join('\n\n');
}

/** The offline reply after analyze_dependencies (and install_packages). */
export function replyForDependencies(analysis: ToolOutcome, installed: ToolOutcome | null, askedToInstall: boolean): string {
  const { installable, unknown } = analysis.data as { installable: string[]; unknown: string[] };
  const parts = [`Dependency analysis: ${analysis.summary}`];
  if (unknown.length) parts.push(`Not available here (not in the standard library or Executor's package index): ${unknown.map((m) => `\`${m}\``).join(', ')}.`);
  if (installed) {
    const report = installed.data as InstallReport;
    if (report.installed.length) parts.push(`Installed from the package index: ${report.installed.map((p) => `${p.name} ${p.version}`).join(', ')}.`);
    for (const f of report.failed) parts.push(`Could not install ${f.name}: ${f.reason}`);
  } else if (installable.length && !askedToInstall) {
    parts.push(`Say "install them" (or use the button on the card) to install ${installable.join(', ')} from the package index.`);
  } else if (!installable.length && !unknown.length) {
    parts.push('Everything it imports is already available.');
  }
  return parts.join('\n\n');
}

/** The offline reply after handle_error. */
export function replyForExplain(outcome: ToolOutcome): string {
  const { advice } = outcome.data as { advice: ErrorAdvice | null };
  return advice ? adviceMarkdown(advice) : outcome.summary;
}
