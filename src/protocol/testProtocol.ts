/**
 * The test runner's part of the protocol: project files, test requests and the
 * structured TestResult (zod schemas + inferred types). protocol.ts adds the
 * messages that carry them to its unions.
 */
import * as z from 'zod';
import { runPolicySchema, type RunPolicy } from './policy.ts';

/** A project path: relative, inside the project. */
export const projectPathSchema = z
  .string()
  .min(1)
  .max(500)
  .refine((p) => !p.startsWith('/') && !p.split('/').includes('..') && !p.includes('\\'), 'a relative path inside the project');

/** A text file (valid UTF-8, no NUL byte): its text is what the editor shows. */
export const textFileSchema = z.object({ path: projectPathSchema, content: z.string() });
/** Any other file (an image, a pickle, a .gz fixture): its bytes. */
export const binaryFileSchema = z.object({
  path: projectPathSchema,
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'bytes (a Uint8Array)'),
});
/** One file of the user's project, by path relative to the working folder: text or bytes, decided by its content. */
export const projectFileSchema = z.union([textFileSchema, binaryFileSchema]);
/** A text file of the project. */
export type TextFile = z.infer<typeof textFileSchema>;
/** A binary file of the project. */
export type BinaryFile = z.infer<typeof binaryFileSchema>;
/** One file of the user's project. */
export type ProjectFile = TextFile | BinaryFile;

/** Most files a project may hold (and a run may carry). */
export const MAX_PROJECT_FILES = 20_000;
/** The project's files as sent with a run. */
export const projectFilesSchema = z.array(projectFileSchema).max(MAX_PROJECT_FILES);

/** Largest file a project may hold (and a change set carries: a larger one stays in the interpreter). */
export const MAX_FILE_BYTES = 50 * 2 ** 20;
/** Most bytes a project may hold, all files together (and one change set carries). */
export const MAX_PROJECT_BYTES = 200 * 2 ** 20;

/**
 * What a program did to the working folder, computed by the worker after a run: files created or changed (with
 * their content), files deleted, and files left out because they are over a cap (they stay in the interpreter).
 */
export const fileChangesSchema = z.object({
  /** As bytes: the page decides which are text. */
  written: z
    .array(binaryFileSchema.refine((f) => f.bytes.length <= MAX_FILE_BYTES, 'a file over the per-file cap'))
    .max(MAX_PROJECT_FILES)
    .refine((files) => files.reduce((n, f) => n + f.bytes.length, 0) <= MAX_PROJECT_BYTES, 'more bytes than a project holds'),
  deleted: z.array(projectPathSchema).max(MAX_PROJECT_FILES),
  skipped: z.array(z.object({ path: projectPathSchema, bytes: z.number().int().nonnegative() })).max(MAX_PROJECT_FILES),
});
/** A change set of the working folder. */
export type FileChanges = z.infer<typeof fileChangesSchema>;

/** Most interpreters one test run may use. */
export const MAX_TEST_WORKERS = 8;
/** Interpreters a test run is split across: a count, or `auto` (chosen from the cores and the suite's last time). */
export type TestParallelism = number | 'auto';

/** Whether `value` is a parallelism a test run accepts: `auto`, or a whole number from 1 to MAX_TEST_WORKERS. */
export function isTestParallelism(value: unknown): value is TestParallelism {
  return value === 'auto' || (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_TEST_WORKERS);
}

/** What to test and how: sent page → frame. */
export const testRequestSchema = z.object({
  /** `collect` lists the tests (pytest --collect-only); `run` runs them. */
  mode: z.enum(['run', 'collect']),
  /** Files, folders or node ids to test; empty for the whole project. */
  paths: z.array(z.string().min(1).max(2000)).max(5000),
  /** Extra pytest arguments (the seed's PYTEST_ARGS). */
  args: z.array(z.string().max(1000)).max(100),
  coverage: z.boolean(),
  /** How many interpreters to split the suite across (1 = serial); `auto`: the frame chooses (chooseInterpreters). */
  parallel: z.union([z.number().int().min(1).max(MAX_TEST_WORKERS), z.literal('auto')]),
  /** COVERAGE_THRESHOLD, in percent. */
  threshold: z.number().min(0).max(100),
  files: projectFilesSchema,
  limits: z.object({
    timeoutMs: z.number().int().positive(),
    maxMemoryMB: z.number().int().positive(),
    maxOutputChars: z.number().int().positive(),
  }),
  /** Safe mode for the test files, as for a run: validated first, then imported and run under the runtime policy. */
  policy: runPolicySchema.optional(),
  /** The session's packages (install specs): each test interpreter installs them before the time limit starts. */
  packages: z.array(z.string().min(1).max(2000)).max(500).optional(),
  /** Where installs from outside the index go; null when off. */
  pypiIndex: z.string().max(2000).nullable().optional(),
});
/** What to test and how. */
export type TestRequest = z.infer<typeof testRequestSchema>;

/** How one test ended (pytest's own categories). */
export const testOutcomeSchema = z.enum(['passed', 'failed', 'error', 'skipped', 'xfailed', 'xpassed']);
/** How one test ended. */
export type TestOutcome = z.infer<typeof testOutcomeSchema>;

/** One test's structured result. */
export const testRecordSchema = z.object({
  nodeId: z.string(),
  outcome: testOutcomeSchema,
  durationMs: z.number(),
  /** The exception (`AssertionError: assert 4 == 5`), the skip reason or the xfail reason. */
  message: z.string().nullable(),
  traceback: z.string().nullable(),
  /** Where it failed: the deepest frame in a project file. */
  file: z.string().nullable(),
  line: z.number().int().nullable(),
  stdout: z.string(),
  stderr: z.string(),
  /** What the browser's Python lacks that made it fail or skip ("needs threads: not available in the browser"), or null. */
  platform: z.string().nullable(),
});
/** One test's structured result. */
export type TestRecord = z.infer<typeof testRecordSchema>;

/** Coverage of one project file, as coverage.py counts it. */
export const fileCoverageSchema = z.object({
  statements: z.number().int(),
  missingLines: z.array(z.number().int()),
  /** Lines with a branch that went only some of its ways. */
  partialLines: z.array(z.number().int()),
  branches: z.number().int(),
  missingBranches: z.number().int(),
  percent: z.number(),
});
/** Coverage of one project file. */
export type FileCoverage = z.infer<typeof fileCoverageSchema>;

/** A function with lines no test ran: where a new test would help. */
export const testSuggestionSchema = z.object({ path: z.string(), function: z.string(), lines: z.array(z.number().int()) });
/** A function with lines no test ran. */
export type TestSuggestion = z.infer<typeof testSuggestionSchema>;

/** Line and branch coverage of the project. */
export const coverageReportSchema = z.object({
  /** The code under test: every measured file but the test files (all files when there is nothing else). */
  totalPercent: z.number(),
  /** Test files measured and listed but left out of the total. */
  testFiles: z.array(z.string()).optional(),
  perFile: z.record(z.string(), fileCoverageSchema),
  suggestions: z.array(testSuggestionSchema),
  /** Files coverage.py could not analyze, with why. */
  problems: z.array(z.string()),
});
/** Line and branch coverage of the project. */
export type CoverageReport = z.infer<typeof coverageReportSchema>;

/** How a test run as a whole ended. */
export const testRunStatusSchema = z.enum(['passed', 'failed', 'error', 'timeout', 'memory', 'stopped', 'crashed', 'security']);
/** How a test run as a whole ended. */
export type TestRunStatus = z.infer<typeof testRunStatusSchema>;

/** What `runTests` (and `collectTests`) resolve to. */
export const testResultSchema = z.object({
  status: testRunStatusSchema,
  /** pytest's exit code (0 all passed, 1 failures, 2 interrupted, 4 usage error, 5 no tests), or null. */
  exitCode: z.number().int().nullable(),
  /** What went wrong beyond failing tests, and what to do. */
  message: z.string().nullable(),
  total: z.number().int(),
  passed: z.number().int(),
  failed: z.number().int(),
  errors: z.number().int(),
  skipped: z.number().int(),
  xfailed: z.number().int(),
  xpassed: z.number().int(),
  /** Tests left out by `-k` or `-m`. */
  deselected: z.number().int(),
  /** Warnings pytest recorded (its "N warnings"). */
  warnings: z.number().int(),
  /** pytest's own summary line, word for word ("1 failed, 11 passed, 2 skipped, 1 xfailed in 0.41s"). */
  summary: z.string(),
  durationMs: z.number(),
  /** One per test, in collection order. */
  records: z.array(testRecordSchema),
  /** Node ids pytest collected, in order. */
  collected: z.array(z.string()),
  coverage: coverageReportSchema.nullable(),
  /** Whether total coverage reached the threshold (null without coverage). */
  thresholdMet: z.boolean().nullable(),
  threshold: z.number(),
  /** Interpreters used. */
  workers: z.number().int(),
  /** Sum of the interpreters' pytest times ÷ wall time (null on one interpreter). */
  speedup: z.number().nullable(),
  /** The test that was running when the run was stopped (timeout, Stop, memory). */
  stoppedTest: z.string().nullable(),
});
/** What `runTests` resolves to. */
export type TestResult = z.infer<typeof testResultSchema>;

/** Coverage facts of one file from one interpreter (worker → frame; see `_executor.testing`). */
export interface FileCoverageFacts {
  statements: number[];
  missing: number[];
  branches: Array<{ line: number; exits: number; missed: number[] }>;
  functions: Array<{ name: string; start: number; end: number }>;
  percent: number;
  error?: string;
}

/** A test request as one worker gets it: full pytest arguments and its share of the limits. */
export interface WorkerTestRequest {
  /** `prepare` only loads pytest and coverage (before the time limit starts). */
  mode: 'run' | 'collect' | 'prepare';
  args: string[];
  coverage: boolean;
  files: ProjectFile[];
  limits: TestRequest['limits'];
  policy?: RunPolicy;
  /** The session's packages, installed before the time limit starts (see TestRequest). */
  packages?: string[];
  pypiIndex?: string | null;
}

/** What a worker reports at the end of its pytest session. */
export interface WorkerTestsDone {
  exitCode: number;
  /** pytest's terminal summary counts by category, in its order. */
  counts: Record<string, number>;
  /** What collection alone contributed to `counts` (module skips, collection errors, deselected, import-time warnings). */
  collectCounts: Record<string, number>;
  collected: string[];
  durationMs: number;
  coverage: Record<string, FileCoverageFacts> | null;
  /** An exception that ended the session outside a test (e.g. MemoryError), or null. */
  problem: string | null;
  /** The interpreter's heap limit was hit. */
  memory: boolean;
  /** Safe mode refused the project before pytest started (the files' error diagnostics, one line each). */
  refused?: string | null;
  outputTruncated: boolean;
}

/** Test runner messages from a worker to the frame. */
export type WorkerTestMessage =
  | { type: 'tests-begin'; id: number }
  | { type: 'test-start'; id: number; nodeId: string }
  /** Tests that finished, in order, batched in the worker (createRecordBatcher.ts). */
  | { type: 'test-records'; id: number; records: TestRecord[] }
  | { type: 'tests-done'; id: number; done: WorkerTestsDone };
