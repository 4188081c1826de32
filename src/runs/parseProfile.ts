import { rawProfileSchema, type RawProfileFunction } from '../protocol/profileProtocol.ts';
import { buildCallTree, type CallTreeNode } from './buildCallTree.ts';

/** One function of a profile, with its share of the program's time. */
export interface ProfileFunction {
  /** `file:line(name)`, unique per function. */
  key: string;
  name: string;
  /** The file it is defined in (`~` for built-ins). */
  file: string;
  line: number;
  calls: number;
  primitiveCalls: number;
  /** Time spent in the function itself, in ms. */
  ownMs: number;
  /** Time spent in it and everything it called, in ms. */
  cumMs: number;
  /** Own time as a percent of the program's total (the seed's `percent`). */
  percent: number;
  /** Cumulative time as a percent of the program's total. */
  cumPercent: number;
  /** Own time in seconds (the seed's `time`). */
  time: number;
}

/** What `engine.profileCode` reports: functions by own time, and the call tree for the flame graph. */
export interface ProfileReport {
  /** Cumulative time of the program's own code: 100 %. */
  totalMs: number;
  /** Every measured function, heaviest own time first. */
  topFunctions: ProfileFunction[];
  /** The seed's name for {@link topFunctions}. */
  top_functions: ProfileFunction[];
  /** Functions left out of the measurements (the long tail). */
  omitted: number;
  /** The call tree (root: the whole program), for the flame graph. */
  tree: CallTreeNode;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Checks the worker's profiler output (see src/protocol/profileProtocol.ts) and turns it into a
 * {@link ProfileReport}. Throws an Error that says what is wrong when it does not fit.
 */
export function parseProfile(raw: unknown): ProfileReport {
  const parsed = rawProfileSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`The profiler's output could not be read: ${parsed.error.issues[0]?.message ?? 'unexpected shape'}.`);
  const { totalMs, functions, omitted, roots } = parsed.data;
  const share = (ms: number) => (totalMs > 0 ? round((ms / totalMs) * 100) : 0);
  const top = [...functions]
    .sort((a, b) => b.ownMs - a.ownMs || b.cumMs - a.cumMs)
    .map((f: RawProfileFunction): ProfileFunction => ({
      key: f.key,
      name: f.name,
      file: f.file,
      line: f.line,
      calls: f.calls,
      primitiveCalls: f.primitiveCalls,
      ownMs: f.ownMs,
      cumMs: f.cumMs,
      percent: share(f.ownMs),
      cumPercent: share(f.cumMs),
      time: f.ownMs / 1000,
    }));
  return { totalMs, topFunctions: top, top_functions: top, omitted, tree: buildCallTree(functions, roots, totalMs) };
}
