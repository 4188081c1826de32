import * as z from 'zod';

/** Most functions a profile carries (the rest are the long tail of tiny ones). */
export const MAX_PROFILE_FUNCTIONS = 300;

/** One caller → callee edge of cProfile's stats: what `caller` spent in this function. */
export const profileCallerSchema = z.object({
  /** Key of the calling function (see {@link rawProfileFunctionSchema}). */
  key: z.string().max(2000),
  calls: z.number().int().nonnegative(),
  ownMs: z.number().nonnegative(),
  cumMs: z.number().nonnegative(),
});
/** One caller → callee edge. */
export type ProfileCaller = z.infer<typeof profileCallerSchema>;

/** One function as cProfile measured it (times in ms), with its callers. */
export const rawProfileFunctionSchema = z.object({
  /** `file:line(name)`, as pstats names functions: unique per function. */
  key: z.string().max(2000),
  name: z.string().max(1000),
  /** `~` for built-in functions. */
  file: z.string().max(1000),
  line: z.number().int().nonnegative(),
  calls: z.number().int().nonnegative(),
  /** Calls that were not recursive. */
  primitiveCalls: z.number().int().nonnegative(),
  ownMs: z.number().nonnegative(),
  cumMs: z.number().nonnegative(),
  callers: z.array(profileCallerSchema).max(MAX_PROFILE_FUNCTIONS),
});
/** One function as cProfile measured it. */
export type RawProfileFunction = z.infer<typeof rawProfileFunctionSchema>;

/**
 * What the worker's profiler (src/worker/python/_executor/monitor.py) sends back: the
 * functions reached from the program's `<module>` code, heaviest (cumulative) first.
 */
export const rawProfileSchema = z.object({
  /** Keys of the program's own `<module>` code objects: the roots of the call tree. */
  roots: z.array(z.string().max(2000)).max(50),
  /** The roots' cumulative time: 100 % of the profile. */
  totalMs: z.number().nonnegative(),
  functions: z.array(rawProfileFunctionSchema).max(MAX_PROFILE_FUNCTIONS),
  /** Functions left out past {@link MAX_PROFILE_FUNCTIONS}. */
  omitted: z.number().int().nonnegative(),
});
/** What the worker's profiler sends back. */
export type RawProfile = z.infer<typeof rawProfileSchema>;
