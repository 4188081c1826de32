/**
 * Runs: their options, their output and their results, as the page, the frame and the worker share them
 * (zod schemas where they cross a trust boundary; the types are inferred from them).
 */
import * as z from 'zod';
import { diagnosticSchema, runPolicySchema } from './policy.ts';
import { projectFilesSchema } from './testProtocol.ts';
import { rawProfileSchema } from './profileProtocol.ts';
import { debugOptionsSchema } from './debug.ts';

/** Which stream a piece of output was written to. */
export const outputStreamSchema = z.enum(['stdout', 'stderr']);
/** Which stream a piece of output was written to. */
export type OutputStream = z.infer<typeof outputStreamSchema>;

/** One piece of program output, in the order it was written. */
export const outputChunkSchema = z.object({
  stream: outputStreamSchema,
  text: z.string(),
});
/** One piece of program output, in the order it was written. */
export type OutputChunk = z.infer<typeof outputChunkSchema>;

/** Largest rich output (one display's payload, all its mime types together), in characters. */
export const MAX_DISPLAY_CHARS = 1_500_000;
/** Rich outputs one run may show; later ones are counted, not sent (each HTML output is a frame on the page). */
export const MAX_DISPLAYS_PER_RUN = 200;
/** What each rich output costs toward the output limit besides its own characters, so a flood of empty ones is bounded too. */
export const DISPLAY_OVERHEAD_CHARS = 100;
/** Longest line of input the page may send to a waiting program, in characters. */
export const MAX_STDIN_CHARS = 1_000_000;

/**
 * One rich output (IPython's mime bundle): mime type → content. Text types hold text,
 * images hold base64; `text/plain` is always there. `kind` is `result` for the trailing
 * expression's value, `display` for `display(obj)`, matplotlib figures and the like.
 */
export const displayDataSchema = z.object({
  kind: z.enum(['display', 'result']),
  data: z.record(z.string().max(100), z.string().max(MAX_DISPLAY_CHARS)),
});
/** One rich output (a mime bundle). */
export type DisplayData = z.infer<typeof displayDataSchema>;

/** Final status of a run. */
export const runStatusSchema = z.enum(['ok', 'error', 'timeout', 'memory', 'crashed', 'stopped', 'security']);
/** Final status of a run. */
export type RunStatus = z.infer<typeof runStatusSchema>;

/** A Python exception, as the user should see it. */
export const pythonErrorSchema = z.object({
  type: z.string(),
  message: z.string(),
  traceback: z.string(),
  line: z.number().int().nullable(),
});
/** A Python exception, as the user should see it. */
export type PythonError = z.infer<typeof pythonErrorSchema>;

/** Resource use of one run. */
export const runMetricsSchema = z.object({
  wallMs: z.number(),
  cpuMs: z.number(),
  /** Interpreter heap (dlmalloc footprint) high-water mark, in MB. */
  peakMemoryMB: z.number(),
  outputChars: z.number().int(),
  truncated: z.boolean(),
  /** CPU time over wall time, in percent (absent when metrics were not collected). */
  cpuPercent: z.number().optional(),
  /** Interpreter heap (dlmalloc footprint) before and after the run, in MB: its growth is the difference. */
  heapStartMB: z.number().optional(),
  heapEndMB: z.number().optional(),
  /** Peak of the run's Python allocations (tracemalloc), in MB; null when tracemalloc was not tracing. */
  pythonPeakMB: z.number().nullable().optional(),
  /** False when COLLECT_METRICS was off for this run: only the basic times and sizes above are there. */
  collected: z.boolean().optional(),
});
/** Resource use of one run. */
export type RunMetrics = z.infer<typeof runMetricsSchema>;

/** What `execute` resolves to. */
export const executionResultSchema = z.object({
  success: z.boolean(),
  status: runStatusSchema,
  stdout: z.string(),
  stderr: z.string(),
  /** stdout and stderr interleaved in the order they were written. */
  output: z.array(outputChunkSchema),
  /** repr() of the trailing expression, when there was one and it was not None. */
  value: z.string().nullable(),
  /** Rich outputs in output order (display(), figures, a trailing value with a rich repr). */
  displays: z.array(displayDataSchema),
  error: pythonErrorSchema.nullable(),
  metrics: runMetricsSchema,
  /** False when the interpreter had to be replaced and its variables are gone. */
  stateKept: z.boolean(),
  /** validate_code's findings, when safe mode refused the run (status 'security'). */
  diagnostics: z.array(diagnosticSchema).optional(),
  /** cProfile's measurements, for a run made with `profile: true` (see src/runs/parseProfile.ts). */
  profile: rawProfileSchema.optional(),
});
/** What `execute` resolves to. */
export type ExecutionResult = z.infer<typeof executionResultSchema>;

/** Limits and options of one run. */
export const runOptionsSchema = z.object({
  timeoutMs: z.number().int().positive(),
  maxMemoryMB: z.number().int().positive(),
  maxOutputChars: z.number().int().positive(),
  filename: z.string().min(1).max(200),
  /** Load the packages the code imports from the index before running it (default true). */
  autoLoadPackages: z.boolean().optional(),
  /** Safe mode for this run (default: the engine's current policy). */
  policy: runPolicySchema.optional(),
  /** The project's files, written into the working folder before the run. */
  files: projectFilesSchema.optional(),
  /**
   * Pre-filled standard input: the program reads it, then gets end of file (no prompts).
   * When absent, `input()` and reads of `sys.stdin` ask the user (see the engine's `input` event).
   */
  stdin: z
    .string()
    .max(MAX_STDIN_CHARS * 5)
    .optional(),
  /** Count the time spent waiting for the user's input toward the timeout (default false). */
  inputCountsTowardTimeout: z.boolean().optional(),
  /** Run under cProfile and return its measurements in `result.profile` (default false). */
  profile: z.boolean().optional(),
  /** COLLECT_METRICS: measure heap growth and CPU share and send live samples (default true). */
  collectMetrics: z.boolean().optional(),
  /**
   * Trace every Python allocation (tracemalloc) for `metrics.pythonPeakMB`. It makes allocation-heavy
   * code 3-5x slower, so it is off by default; profiled runs turn it on (they are slowed down anyway).
   */
  tracePythonMemory: z.boolean().optional(),
  /**
   * The session's packages (install specs, in order): a new interpreter installs them before its first run
   * (after a Restart, a kill, a time-limit replacement), with one console line.
   */
  packages: z.array(z.string().min(1).max(2000)).max(500).optional(),
  /** Where installs from outside the index go (see the engine's setPypiIndex); null when off. */
  pypiIndex: z.string().max(2000).nullable().optional(),
  /** Run in a fresh `__main__` namespace instead of the persistent one (batch runs without shared state). */
  freshNamespace: z.boolean().optional(),
  /** Run under the step debugger: it stops at these breakpoints (see src/protocol/debug.ts). */
  debug: debugOptionsSchema.optional(),
});
/** Limits and options of one run. */
export type RunOptions = z.infer<typeof runOptionsSchema>;

/** A live reading of a running program, sent a few times a second at most. */
export const runSampleSchema = z.object({
  /** Interpreter heap (dlmalloc footprint) now, in MB. */
  heapMB: z.number(),
  /** Python allocations traced by tracemalloc now, in MB (null when not tracing). */
  pythonMB: z.number().nullable(),
});
/** A live reading of a running program. */
export type RunSample = z.infer<typeof runSampleSchema>;

/** Lifecycle of the interpreter, as the page sees it. */
export const engineStateSchema = z.enum(['starting', 'ready', 'running', 'restarting', 'failed']);
/** Lifecycle of the interpreter, as the page sees it. */
export type EngineState = z.infer<typeof engineStateSchema>;

/** Where an imported module comes from (dependency analysis). */
export const importReportSchema = z.object({
  module: z.string(),
  verdict: z.enum(['stdlib', 'loaded', 'available', 'installed', 'unknown']),
  /** The package that provides it, from the lock file's `imports`. */
  package: z.string().nullable(),
  source: z.enum(['self-hosted', 'cdn']).nullable(),
});
/** Where an imported module comes from (dependency analysis). */
export type ImportReport = z.infer<typeof importReportSchema>;

/** Where an installed package came from: the self-hosted index, the package CDN, PyPI (micropip), or a wheel's URL. */
export const packageSourceSchema = z.enum(['index', 'cdn', 'pypi', 'url']);
/** Where an installed package came from. */
export type PackageSource = z.infer<typeof packageSourceSchema>;

/** A package a session installed: what to ask for again (`spec`), and what it gave. */
export const sessionPackageSchema = z.object({
  /** What the install was asked for: a name (pinned with `==version` for PyPI) or a wheel's URL. */
  spec: z.string().min(1).max(2000),
  name: z.string().max(200),
  version: z.string().max(100),
  source: packageSourceSchema,
});
/** A package a session installed. */
export type SessionPackage = z.infer<typeof sessionPackageSchema>;

/** What an install did: packages loaded (with versions) and packages refused or failed, with the reason. */
export const installReportSchema = z.object({
  installed: z.array(z.object({ name: z.string(), version: z.string() })),
  failed: z.array(z.object({ name: z.string(), reason: z.string() })),
  /** Each package asked for that installed (not its dependencies), as a session keeps it. */
  requested: z.array(sessionPackageSchema).optional(),
});
/** What an install did. */
export type InstallReport = z.infer<typeof installReportSchema>;

/** Bytes of one package file downloaded so far (worker → frame → page). */
export const downloadTickSchema = z.object({
  url: z.string().max(2000),
  /** The worker's load this file belongs to: one install or auto-load is one batch. */
  batch: z.number().int().nonnegative(),
  loaded: z.number().int().nonnegative(),
  /** From Content-Length; null when the server does not say. */
  total: z.number().int().positive().nullable(),
  done: z.boolean(),
});
/** Bytes of one package file downloaded so far. */
export type DownloadTick = z.infer<typeof downloadTickSchema>;
