import { textOf } from '../../project/fileContent.ts';
import type { DebugStop } from '../../engine/debugDriver.ts';
import type { DebugPause } from '../../protocol/debug.ts';
import type { ToolContext, ToolOutcome } from '../types.ts';
import { clip, runHeadline, summarizeRun, type RunSummary } from './runSummary.ts';

/** The file name code given to debug_python runs as (its breakpoints name it). */
export const CODE_FILE = 'main.py';

/** Longest repr of a local a pause reports (the model needs a glance, the debug_evaluate tool gives more). */
const MAX_REPR_CHARS = 200;

/** A pause as the debug tools report it. */
export interface PauseSummary {
  state: 'paused';
  /** breakpoint, step, condition-error, or exception (it stopped where the program failed). */
  reason: DebugPause['reason'];
  message: string | null;
  /** file:line */
  where: string;
  /** The paused line's text. */
  source: string | null;
  /** Innermost first: "function (file:line)"; debug_evaluate's `frame` counts from 0 here. */
  stack: string[];
  /** The innermost frame's locals as short reprs (the first page of them). */
  locals: Record<string, string>;
  /** How many locals there are (null when they could not be counted in time). */
  locals_total: number | null;
  /** What the program printed since the last stop. */
  output: string;
}

/** A finished debug run: the run's summary, with why it ended when it did not end by itself. */
export type FinishedSummary = { state: 'finished'; note: string | null } & RunSummary;

const WHY: Record<DebugPause['reason'], string> = {
  breakpoint: 'at a breakpoint',
  step: 'after a step',
  'condition-error': "because a breakpoint's condition failed",
  exception: 'where it failed',
};

/** The text of line `line` of `file`, from the project's files or the code the run was given. */
function lineOf(ctx: ToolContext, file: string, line: number, code?: string): string | null {
  // Code handed to debug_python runs as main.py, whatever the project's main.py holds.
  const source = file === CODE_FILE && code !== undefined ? code : textOf(ctx.project?.files().find((f) => f.path === file));
  if (source === undefined || source === null) return null;
  const text = source.split('\n')[line - 1];
  return text === undefined ? null : clip(text, 300);
}

/** The tool outcome of a debug call: the pause (where, stack, locals) or the finished run. */
export async function debugOutcome(stop: DebugStop, ctx: ToolContext, code?: string): Promise<ToolOutcome<PauseSummary | FinishedSummary>> {
  if (stop.state === 'finished') {
    ctx.recordResult(stop.result);
    const advice = stop.result.success ? null : await ctx.engine.handleError(stop.result, ctx.runOptions()).catch(() => null);
    const headline = `The debug run finished. ${runHeadline(stop.result)}${stop.note ? ` ${stop.note}` : ''}`;
    return {
      ok: stop.result.success,
      summary: headline,
      data: { state: 'finished', note: stop.note, ...summarizeRun(stop.result, advice) },
    };
  }
  const { pause } = stop;
  const where = `${pause.file}:${pause.line}`;
  const inner = pause.frames[0]?.name;
  const summary =
    `Paused at ${where}${inner ? ` in ${inner}` : ''} ${WHY[pause.reason]}${pause.message ? `: ${pause.message}` : ''}. ` +
    'Step with debug_step, look with debug_evaluate, end with debug_stop.';
  return {
    ok: true,
    summary,
    data: {
      state: 'paused',
      reason: pause.reason,
      message: pause.message,
      where,
      source: lineOf(ctx, pause.file, pause.line, code),
      stack: pause.frames.map((f) => `${f.name} (${f.file}:${f.line})`),
      locals: Object.fromEntries(pause.locals.rows.map((r) => [r.name, clip(r.repr, MAX_REPR_CHARS)])),
      locals_total: pause.locals.total,
      output: clip(stop.output),
    },
  };
}

/** The outcome when no debugger is at hand (a browser without shared memory, or no engine that debugs). */
export function noDebugger(): ToolOutcome<{ error: string }> {
  const error = 'The step debugger is not available here: run the code with execute_code instead.';
  return { ok: false, summary: error, data: { error } };
}
