import { describeDisplays } from '../../engine/describeDisplays.ts';
import type { ErrorAdvice } from '../../engine/handleError.ts';
import type { ExecutionResult } from '../../protocol/results.ts';

/** Most output characters a tool result carries (the model's context is the limit, not the UI's). */
export const MAX_TOOL_OUTPUT_CHARS = 6000;

/** Keeps the start and the end of long text, saying how much was left out. */
export function clip(text: string, max = MAX_TOOL_OUTPUT_CHARS): string {
  if (text.length <= max) return text;
  const half = Math.floor(max / 2);
  return `${text.slice(0, half)}\n… [${text.length - max} characters left out] …\n${text.slice(-half)}`;
}

/** A run as a tool reports it: status, output, value, error, metrics and the suggestions for a failure. */
export interface RunSummary {
  status: ExecutionResult['status'];
  success: boolean;
  stdout: string;
  stderr: string;
  value: string | null;
  error: { type: string; message: string; line: number | null; traceback: string } | null;
  metrics: ExecutionResult['metrics'];
  stateKept: boolean;
  advice: ErrorAdvice | null;
  /** One line per rich output (image, table, …) the run produced, e.g. "image/png 640×480, 23.4 KB". */
  displays: string[];
}

/** Summarizes a result for a tool card and for the model. */
export function summarizeRun(result: ExecutionResult, advice: ErrorAdvice | null): RunSummary {
  return {
    status: result.status,
    success: result.success,
    stdout: clip(result.stdout),
    stderr: clip(result.stderr, 3000),
    value: result.value === null ? null : clip(result.value, 2000),
    error: result.error ? { ...result.error, traceback: clip(result.error.traceback, 3000) } : null,
    metrics: result.metrics,
    stateKept: result.stateKept,
    advice,
    displays: describeDisplays(result.displays ?? []),
  };
}

/** The first line of `text`; when longer than `max`, its last whole sentence within `max`, else cut at a word with "…". */
export function firstSentence(text: string, max: number): string {
  const line = text.split('\n')[0] ?? '';
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const sentence = cut.lastIndexOf('. ');
  if (sentence > 0) return cut.slice(0, sentence + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 0 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** One line: how the run ended. */
export function runHeadline(result: ExecutionResult): string {
  const ms = Math.round(result.metrics.wallMs);
  if (result.status === 'ok') return `Ran without errors in ${ms} ms.`;
  if (result.error && result.status === 'error') return `Failed with ${result.error.type}: ${firstSentence(result.error.message, 240)}`;
  return `Ended with status "${result.status}" after ${ms} ms.`;
}
