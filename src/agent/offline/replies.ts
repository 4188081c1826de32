import type { ErrorAdvice } from '../../engine/handleError.ts';
import { displayPercent } from '../../frame/mergeCoverage.ts';
import type { InstallReport } from '../../protocol/protocol.ts';
import type { ListFilesData } from '../tools/listFiles.ts';
import type { ProfileData } from '../tools/profileCode.ts';
import type { ReadFileData } from '../tools/readFile.ts';
import type { RunSummary } from '../tools/runSummary.ts';
import { hasNestedLoops } from '../tools/suggestOptimizations.ts';
import type { TestRunSummary } from '../tools/testSummary.ts';
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
    parts.push(`Time: ${Math.round(r.metrics.wallMs)} ms wall, ${Math.round(r.metrics.cpuMs)} ms CPU; peak memory ${r.metrics.peakMemoryMB.toFixed(1)} MB. A per-function profile (profile_code) is not available here.`);
    if (hasNestedLoops(code)) {
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

/** The offline reply after run_tests: the counts, the failures with file:line, and coverage when it was measured. */
export function replyForTests(outcome: ToolOutcome<TestRunSummary | { error: string }>, module: string | null): string {
  const r = outcome.data;
  if (!('counts' in r)) return outcome.summary;
  const parts = [module ? `\`${module}\` is a module, not a test file, so I ran all the project's tests with coverage: ${outcome.summary}` : `Tests: ${outcome.summary}`];
  if (r.message && r.status !== 'passed' && r.status !== 'failed') parts.push(r.message);
  if (r.failures.length) {
    const items = r.failures.map((f) => `- \`${f.nodeId}\` ${f.outcome}${f.where ? ` at ${f.where}` : ''}: ${f.message.split('\n')[0]}`);
    if (r.moreFailures) items.push(`- … and ${r.moreFailures} more`);
    parts.push(`Failures:\n${items.join('\n')}`);
  }
  if (r.coverage) {
    // A list, not a table: the chat's Markdown is CommonMark (no GFM tables).
    const rows = r.coverage.files.map((f) => `- \`${f.path}\`: ${displayPercent(f.percent)}% of ${f.statements} statements${f.missing ? `; lines never run: ${f.missing}` : ''}`);
    parts.push(`Coverage: **${displayPercent(r.coverage.totalPercent)}%** (threshold ${r.coverage.threshold}%${r.coverage.thresholdMet === false ? ', not met' : ''})\n${rows.join('\n')}`);
    if (r.coverage.untested.length) parts.push(`Functions with lines no test ran (where a new test would help): ${r.coverage.untested.map((u) => `\`${u}\``).join(', ')}.`);
  }
  return parts.join('\n\n');
}

/** The offline reply after profile_code: where the time goes, the top functions, and the suggestions. */
export function replyForProfile(outcome: ToolOutcome<ProfileData | { error: string }>): string {
  const r = outcome.data;
  if (!('top' in r)) return outcome.summary;
  const parts = [outcome.summary];
  const out = r.stdout.trim();
  if (out) parts.push(`Output:\n${fence(out.length > 800 ? `${out.slice(0, 800)}\n…` : out)}`);
  if (r.advice) parts.push(adviceMarkdown(r.advice));
  if (r.top.length) {
    const rows = r.top.slice(0, 5).map((f) => `- \`${f.name}\` (${f.file === '~' ? 'built-in' : `${f.file}:${f.line}`}): ${f.percent.toFixed(1)}% own time, ${f.ownMs.toFixed(2)} ms, ${f.calls} call${f.calls === 1 ? '' : 's'}`);
    parts.push(`Top functions by own time:\n${rows.join('\n')}`);
  }
  if (r.suggestions.length) parts.push(`**Suggestions**\n${r.suggestions.map((t) => `- ${t}`).join('\n')}`);
  return parts.join('\n\n');
}

/** The offline reply after list_files. */
export function replyForFiles(outcome: ToolOutcome<ListFilesData | { error: string }>): string {
  const r = outcome.data;
  if (!('files' in r) || r.files.length === 0) return outcome.summary;
  const total = r.files.length + r.more;
  const items = r.files.map((f) => `- \`${f.path}\` (${f.lines} line${f.lines === 1 ? '' : 's'})${f.path === r.active ? ' — open in the editor' : ''}`);
  if (r.more) items.push(`- … and ${r.more} more`);
  return `The project has ${total} file${total === 1 ? '' : 's'}:\n${items.join('\n')}\n\nSay "read <file>" to see one.`;
}

/** The offline reply after read_file: the file in a code block. */
export function replyForRead(outcome: ToolOutcome<ReadFileData | { error: string }>): string {
  const r = outcome.data;
  if (!('content' in r)) return outcome.summary;
  const lang = r.path.endsWith('.py') ? 'python' : 'text';
  const body = r.content.replace(/```/g, "'''").replace(/\n$/, '');
  return `\`${r.path}\` (${r.lines} line${r.lines === 1 ? '' : 's'}${r.clipped ? ', the middle left out' : ''}):\n\n\`\`\`${lang}\n${body}\n\`\`\``;
}
