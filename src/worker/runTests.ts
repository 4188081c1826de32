import type { PyProxy } from 'pyodide/ffi';
import type { OutputChunk } from '../protocol/results.ts';
import type { FileCoverageFacts, ProjectFile, TestRecord, WorkerTestRequest, WorkerTestsDone } from '../protocol/testProtocol.ts';
import { WORKING_DIR, type PythonRuntime } from './bootPyodide.ts';
import { createOutputSink } from './createOutputSink.ts';
import { applyPolicy } from './applyPolicy.ts';
import { loadPackages } from './packages.ts';
import { autoLoadProjectImports } from './autoLoadProjectImports.ts';
import { ensureSessionPackages } from './installPackages.ts';
import { pipeOutput } from './pipeOutput.ts';
import { refuseUnsafeProject } from './refuseUnsafeProject.ts';
import { workspaceOf } from './workspaceOf.ts';

const MB = 2 ** 20;

/** What the test run tells its caller as it goes. */
export interface TestRunEvents {
  output: (chunks: OutputChunk[]) => void;
  /** Packages are loaded and files written: pytest starts now (the time limit starts here). */
  begin(): void;
  start(nodeId: string): void;
  record(record: TestRecord): void;
}

interface PythonRecord {
  node_id: string;
  outcome: TestRecord['outcome'];
  duration_ms: number;
  message?: string | null;
  traceback?: string | null;
  file?: string | null;
  line?: number | null;
  stdout: string;
  stderr: string;
  platform?: string | null;
}

interface PythonDone {
  exit_code: number;
  counts: Record<string, number>;
  collect_counts?: Record<string, number>;
  collected: string[];
  duration_ms: number;
  coverage?: Record<string, FileCoverageFacts> | null;
  problem?: string | null;
}

const toJs = (value: unknown): unknown =>
  value && typeof (value as PyProxy).toJs === 'function' ? (value as PyProxy).toJs({ dict_converter: Object.fromEntries }) : value;

/**
 * Writes the project's files into the working folder (those that changed; see createWorkspace) and, when the folder
 * changed since the last sync, forgets its modules (see `_executor.project`).
 */
export function syncProjectFiles(rt: PythonRuntime, files: ProjectFile[]): void {
  if (!workspaceOf(rt).sync(files)) return;
  const project = rt.pyodide.pyimport('_executor.project');
  try {
    project.refresh(WORKING_DIR);
  } finally {
    project.destroy();
  }
}

/** Loads pytest (and coverage) from the package index unless already loaded; throws with the reason. */
export async function ensureTestPackages(rt: PythonRuntime, coverage: boolean, notify: (text: string) => void): Promise<void> {
  const wanted = coverage ? ['pytest', 'coverage'] : ['pytest'];
  const loaded = new Set(Object.keys(rt.pyodide.loadedPackages).map((n) => n.toLowerCase()));
  const missing = wanted.filter((n) => !loaded.has(n));
  if (missing.length === 0) return;
  const report = await loadPackages(rt, missing, notify);
  if (report.failed.length > 0) throw new Error(report.failed.map((f) => f.reason).join(' '));
}

/**
 * Runs pytest (or collects tests) on the project in this interpreter under the
 * request's memory and output limits; the interrupt buffer stops it. Records stream
 * through `events`; the summary, collected ids and coverage facts are returned.
 * Throws only when the interpreter itself failed, or packages could not be loaded.
 */
export async function runTests(
  rt: PythonRuntime,
  request: WorkerTestRequest,
  events: TestRunEvents,
  notify: (text: string) => void,
): Promise<WorkerTestsDone> {
  await ensureTestPackages(rt, request.coverage && request.mode !== 'collect', notify);
  await ensureSessionPackages(rt, request.packages, request.policy, request.pypiIndex ?? null, notify);
  if (request.mode === 'prepare') {
    const testing = rt.pyodide.pyimport('_executor.testing');
    try {
      testing.warm_up(request.coverage);
    } finally {
      testing.destroy();
    }
    return noTestsRun(0);
  }
  syncProjectFiles(rt, request.files);
  await autoLoadProjectImports(rt, request.files, notify);
  const refused = refuseUnsafeProject(rt, request.files, request.policy);
  if (refused) {
    return { ...noTestsRun(-1), refused };
  }
  const sink = createOutputSink({ maxChars: request.limits.maxOutputChars, send: events.output });
  pipeOutput(rt, sink);
  rt.heap._malloc_set_footprint_limit(request.limits.maxMemoryMB * MB);
  events.begin();

  const emit = (kind: string, value: unknown): void => {
    if (kind === 'start') events.start(String(value));
    if (kind === 'record') events.record(toRecord(toJs(value) as PythonRecord));
  };
  const testing = rt.pyodide.pyimport('_executor.testing');
  const args = rt.pyodide.toPy(request.args);
  const paths = rt.pyodide.toPy(request.files.map((f) => f.path));
  // Test files are the user's code: collection imports them, so collect runs under safe mode too.
  const lift = applyPolicy(rt, request.policy);
  try {
    const proxy = testing.run(
      args,
      WORKING_DIR,
      paths,
      request.mode === 'collect',
      request.coverage,
      emit,
      request.limits.maxOutputChars,
    ) as PyProxy;
    const done = proxy.toJs({ dict_converter: Object.fromEntries }) as PythonDone;
    proxy.destroy();
    sink.flush();
    const problem = done.problem ?? null;
    return {
      exitCode: done.exit_code,
      counts: done.counts,
      collectCounts: done.collect_counts ?? {},
      collected: done.collected,
      durationMs: done.duration_ms,
      coverage: done.coverage ?? null,
      problem,
      memory: problem?.startsWith('MemoryError') ?? false,
      outputTruncated: sink.truncated,
    };
  } finally {
    lift();
    args.destroy();
    paths.destroy();
    testing.destroy();
  }
}

/** The end of a session in which pytest ran nothing (warm-up, or a project refused by safe mode). */
function noTestsRun(exitCode: number): WorkerTestsDone {
  return {
    exitCode,
    counts: {},
    collectCounts: {},
    collected: [],
    durationMs: 0,
    coverage: null,
    problem: null,
    memory: false,
    outputTruncated: false,
  };
}

function toRecord(r: PythonRecord): TestRecord {
  return {
    nodeId: r.node_id,
    outcome: r.outcome,
    durationMs: r.duration_ms,
    message: r.message ?? null,
    traceback: r.traceback ?? null,
    file: r.file ?? null,
    line: r.line ?? null,
    stdout: r.stdout,
    stderr: r.stderr,
    platform: r.platform ?? null,
  };
}
