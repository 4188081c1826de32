import type { ErrorAdvice } from '../../engine/handleError.ts';
import { describeInstallFailures } from '../../engine/describeInstallFailures.ts';
import type { InstallReport } from '../../protocol/results.ts';
import type { BatchData } from '../tools/executeBatch.ts';
import { describeListed, type ListFilesData } from '../tools/listFiles.ts';
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

/**
 * The offline reply after execute_code. In the chat pane the tool's card above it already
 * shows the output, the value and the suggestions, so the reply does not say them again;
 * without cards (`cards` false: the programmatic agent) the reply carries them.
 */
export function replyForRun(outcome: ToolOutcome<RunSummary>, code: string, profile: boolean, cards = true): string {
  const r = outcome.data;
  const parts = [outcome.summary];
  if (!cards) {
    const out = (r.stdout + r.stderr).trim();
    if (out) parts.push(`Output:\n${fence(out.length > 1500 ? `${out.slice(0, 1500)}\n…` : out)}`);
    if (r.value !== null) parts.push(`Value: \`${r.value.slice(0, 200)}\``);
    if (!outcome.ok) parts.push(adviceMarkdown(r.advice));
  }
  if (profile) {
    parts.push(
      `Time: ${Math.round(r.metrics.wallMs)} ms wall, ${Math.round(r.metrics.cpuMs)} ms CPU; peak memory ${r.metrics.peakMemoryMB.toFixed(1)} MB. A per-function profile (profile_code) is not available here.`,
    );
    if (hasNestedLoops(code)) {
      parts.push(
        '**Optimization hint**: the code has nested loops over the data (O(n²)). For sorting, `sorted()` / `list.sort()` (Timsort, O(n log n)) is far faster than bubble sort; elsewhere, a dict or set lookup often replaces an inner loop.',
      );
    }
  }
  return parts.join('\n\n');
}

/** The offline reply after execute_batch: one line per step, in order (the card has each step's output). */
export function replyForBatch(outcome: ToolOutcome<BatchData | { error: string }>): string {
  const r = outcome.data;
  if (!('steps' in r)) return outcome.summary;
  const rows = r.steps.map(
    (s, i) =>
      `${i + 1}. \`${s.name}\`: ${s.status}${s.wallMs !== null ? ` (${s.wallMs} ms)` : ''}${s.error ? `, ${s.error.split('\n')[0]}` : ''}`,
  );
  return [outcome.summary, rows.join('\n')].join('\n\n');
}

/** The offline reply for files the message names that the project does not have. */
export function replyForMissing(missing: Array<{ path: string; closest: string[] }>, files: readonly string[]): string {
  const lines = missing.map(({ path, closest }) =>
    closest.length
      ? `There is no \`${path}\` in the project. The closest: ${closest.map((c) => `\`${c}\``).join(', ')}.`
      : `There is no \`${path}\` in the project.`,
  );
  if (missing.every((m) => m.closest.length === 0))
    lines.push(
      files.length
        ? `Its files: ${files
            .slice(0, 20)
            .map((f) => `\`${f}\``)
            .join(', ')}.`
        : 'The project has no files yet.',
    );
  return `${lines.join('\n')}\n\nNothing was run.`;
}

/** The offline reply after analyze_dependencies (and install_packages). */
export function replyForDependencies(analysis: ToolOutcome, installed: ToolOutcome | null, askedToInstall: boolean): string {
  const { installable, unknown } = analysis.data as { installable: string[]; unknown: string[] };
  const parts = [`Dependency analysis: ${analysis.summary}`];
  if (unknown.length)
    parts.push(
      `Not available here (not in the standard library or Executor's package index): ${unknown.map((m) => `\`${m}\``).join(', ')}.`,
    );
  if (installed) {
    const report = installed.data as InstallReport;
    if (report.installed.length)
      parts.push(`Installed from the package index: ${report.installed.map((p) => `${p.name} ${p.version}`).join(', ')}.`);
    for (const line of describeInstallFailures(report.failed)) parts.push(`Could not install: ${line}`);
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
export function replyForTests(outcome: ToolOutcome<TestRunSummary | { error: string }>, module: string | null, cards = true): string {
  const r = outcome.data;
  if (!('counts' in r)) return outcome.summary;
  const parts = [
    module
      ? `\`${module}\` is a module, not a test file, so I ran all the project's tests with coverage: ${outcome.summary}`
      : `Tests: ${outcome.summary}`,
  ];
  if (r.message && r.status !== 'passed' && r.status !== 'failed') parts.push(r.message);
  if (!cards) {
    // No card to show them: the failures with file:line and the coverage per file go in the reply.
    if (r.failures.length)
      parts.push(
        `Failures:\n${r.failures.map((f) => `- \`${f.nodeId}\` ${f.outcome}${f.where ? ` at ${f.where}` : ''}: ${f.message.split('\n')[0]}`).join('\n')}`,
      );
    if (r.coverage)
      parts.push(
        `Coverage: ${r.coverage.files.map((f) => `\`${f.path}\` ${Math.round(f.percent)}%${f.missing ? ` (never run: ${f.missing})` : ''}`).join(', ')}.`,
      );
  }
  // The card above lists each failure with its file:line and the coverage per file; the reply adds what to do next.
  else if (r.failures.length)
    parts.push(
      `The card lists ${r.failures.length === 1 ? 'the failure' : `the ${r.failures.length + r.moreFailures} failures`} with file:line; say "why did it fail?" for an explanation.`,
    );
  if (r.coverage?.untested.length)
    parts.push(`Functions with lines no test ran (where a new test would help): ${r.coverage.untested.map((u) => `\`${u}\``).join(', ')}.`);
  return parts.join('\n\n');
}

/** The offline reply after profile_code: where the time goes and the suggestions (the card has the table and the output). */
export function replyForProfile(outcome: ToolOutcome<ProfileData | { error: string }>): string {
  const r = outcome.data;
  if (!('top' in r)) return outcome.summary;
  // The card shows the output, the error's advice and the table of top functions; the reply gives the verdict.
  const parts = [outcome.summary];
  if (r.suggestions.length) parts.push(`**Suggestions**\n${r.suggestions.map((t) => `- ${t}`).join('\n')}`);
  return parts.join('\n\n');
}

/** The offline reply after list_files. */
export function replyForFiles(outcome: ToolOutcome<ListFilesData | { error: string }>): string {
  const r = outcome.data;
  if (!('files' in r) || r.files.length === 0) return outcome.summary;
  const total = r.files.length + r.more;
  const items = r.files.map((f) => `- \`${f.path}\` (${describeListed(f)})${f.path === r.active ? ' — open in the editor' : ''}`);
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
