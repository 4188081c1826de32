import type { PyProxy } from 'pyodide/ffi';
import type { DisplayData, ExecutionResult, OutputChunk, PythonError, RunOptions, RunSample, RunStatus } from '../protocol/results.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import { textOf } from '../protocol/outputText.ts';
import { createOutputSink } from './createOutputSink.ts';
import { createDisplaySink } from './createDisplaySink.ts';
import { createStdinReader } from './createStdinReader.ts';
import { pipeOutput } from './pipeOutput.ts';
import { beginMonitoring } from './monitorRun.ts';
import type { DebugChannel } from './createDebugChannel.ts';
import { WORKING_DIR } from '../protocol/paths.ts';
import type { AllocationGuard, AllocationTrip } from './createAllocationGuard.ts';

/** A run's channels besides text output: rich outputs and interactive input. */
export interface RunIo {
  /** Receives each rich output as it happens. */
  sendDisplay?: (display: DisplayData) => void;
  /** The frame's stdin buffer; without it, a program reading input gets end of file. */
  stdinBuffer?: SharedArrayBuffer | null;
  /** Tells the frame that the program waits for a line (output is flushed first). */
  requestInput?: () => void;
  /** Why nobody can type input (no shared memory): written to stderr when the program reads input it was not given. */
  inputUnavailable?: string;
  /** Receives live memory samples while the program runs (see monitorRun.ts). */
  sendSample?: (sample: RunSample) => void;
  /** Called as the program starts, and awaited when it has ended: background work it left is stopped there. */
  scope?: { begin(): void; end(): Promise<void> };
  /** The debugger's way to the page, for a run with `options.debug`; without it a debug run runs normally. */
  debug?: DebugChannel;
  /** Counts the program's large JavaScript allocations (through `js`) against the run's memory limit. */
  allocations?: AllocationGuard;
}

/** What `_executor.runner.run` returns, converted to JS (Python's None arrives as undefined). */
interface RunnerRecord {
  value?: string | null;
  error?: (Omit<PythonError, 'line'> & { line?: number | null }) | null;
  cpu_ms: number;
}

const MB = 2 ** 20;

/** The run's error when the allocation guard refused an allocation: a MemoryError that says which memory, and how much. */
export function allocationError(trip: AllocationTrip, raised: PythonError | null): PythonError {
  return {
    type: 'MemoryError',
    message: `JavaScript memory of ${Math.round(trip.bytes / MB)} MB asked for through js (ArrayBuffers and typed arrays) would pass the memory limit of ${Math.round(trip.limitBytes / MB)} MB, so the allocation was refused. Variables were kept.`,
    traceback: raised?.traceback ?? '',
    line: raised?.line ?? null,
  };
}

/** Maps a finished run's Python error to its status. */
export function statusOf(error: PythonError | null): RunStatus {
  if (!error) return 'ok';
  if (error.type === 'MemoryError') return 'memory';
  if (error.type === 'KeyboardInterrupt') return 'stopped';
  if (error.type === 'SecurityViolation' || error.type === 'FileSystemViolation') return 'security';
  return 'error';
}

/**
 * Runs one program in the runtime under the run's limits, streaming output through
 * `send`. Code with top-level `await` is awaited. Throws only when the interpreter itself failed (a fatal error).
 */
export async function runCode(
  rt: PythonRuntime,
  code: string,
  options: RunOptions,
  interrupt: Int32Array,
  send: (chunks: OutputChunk[]) => void,
  io: RunIo = {},
): Promise<ExecutionResult> {
  const monitor = beginMonitoring(rt, options, io.sendSample ?? (() => undefined));
  const sink = createOutputSink({
    maxChars: options.maxOutputChars,
    send: (chunks) => {
      send(chunks);
      monitor.tick(); // output is a cheap moment to take a live sample too
    },
  });
  const displaySink = createDisplaySink({ sink, maxOutputChars: options.maxOutputChars, send: io.sendDisplay ?? (() => undefined) });
  pipeOutput(rt, sink);
  rt.pyodide.setStdin({
    stdin: createStdinReader({
      prefilled: options.stdin,
      buffer: io.stdinBuffer ?? null,
      interrupt,
      onWait: () => {
        sink.flush(); // the prompt shows before the input box
        io.requestInput?.();
      },
      onUnavailable: io.inputUnavailable ? () => sink.write('stderr', `\n[${io.inputUnavailable}]\n`) : undefined,
    }),
  });
  // The interrupt buffer is cleared by the frame before it sends the run: clearing
  // it here would lose a Stop that arrived while the run was on its way.
  rt.heap._malloc_set_footprint_limit(options.maxMemoryMB * MB);

  const started = performance.now();
  const namespace = options.freshNamespace ? (rt.runner.new_namespace() as PyProxy) : rt.namespace;
  io.scope?.begin();
  // A normal run pays nothing for the debugger: it is only imported and switched on for a debug run.
  const debug = options.debug && io.debug ? (rt.pyodide.pyimport('_executor.debugger') as PyProxy) : null;
  let proxy: PyProxy;
  let trip: AllocationTrip | null;
  io.allocations?.begin(options.maxMemoryMB * MB);
  try {
    if (debug && options.debug && io.debug) {
      const channel = io.debug;
      // What the program printed is on the page before the pause is.
      const host: DebugChannel = { ...channel, paused: (text) => (sink.flush(), channel.paused(text)) };
      debug.start(host, JSON.stringify(options.debug.breakpoints), options.filename, WORKING_DIR, options.debug.stopOnFailure ?? false);
    }
    proxy =
      debug && options.debug?.test
        ? (debug.run_test(options.debug.test, namespace, options.filename, displaySink.publish) as PyProxy)
        : (rt.runner.run(code, namespace, options.filename, displaySink.publish) as PyProxy);
    if (proxy.type === 'coroutine') {
      // Top-level await: the runner handed back a coroutine that yields its record.
      const coroutine = proxy;
      const awaitable: Promise<PyProxy> = coroutine as unknown as Promise<PyProxy>;
      proxy = await awaitable;
      coroutine.destroy();
    }
  } finally {
    trip = io.allocations?.end() ?? null;
    debug?.stop();
    debug?.destroy();
  }
  const record = proxy.toJs({ dict_converter: Object.fromEntries }) as RunnerRecord;
  proxy.destroy();
  await io.scope?.end();
  const wallMs = performance.now() - started;
  if (namespace !== rt.namespace) namespace.destroy();
  const monitored = monitor.end(wallMs, record.cpu_ms);

  let value = record.value ?? null;
  const raised: PythonError | null = record.error ? { ...record.error, line: record.error.line ?? null } : null;
  // A refused allocation ends the run as out of memory, even when the program caught the exception.
  const error = trip ? allocationError(trip, raised) : raised;
  if (value !== null && value.length > options.maxOutputChars) {
    value = `${value.slice(0, options.maxOutputChars)}… [value truncated]`;
  }
  sink.flush();
  const status = statusOf(error);
  return {
    success: status === 'ok',
    status,
    stdout: textOf(sink.chunks, 'stdout'),
    stderr: textOf(sink.chunks, 'stderr'),
    output: sink.chunks,
    value,
    displays: displaySink.displays,
    error,
    metrics: {
      wallMs,
      cpuMs: record.cpu_ms,
      peakMemoryMB: rt.heap._malloc_max_footprint() / MB,
      outputChars: sink.totalChars,
      truncated: sink.truncated || displaySink.dropped,
      ...monitored.metrics,
    },
    stateKept: true,
    ...(monitored.profile ? { profile: monitored.profile } : {}),
  };
}
