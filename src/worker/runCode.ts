import type { PyProxy } from 'pyodide/ffi';
import type { ExecutionResult, OutputChunk, PythonError, RunOptions, RunStatus } from '../protocol/protocol.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import { textOf } from '../engine/outputText.ts';
import { createOutputSink } from './createOutputSink.ts';

/** What `_executor.runner.run` returns, converted to JS (Python's None arrives as undefined). */
interface RunnerRecord {
  value?: string | null;
  error?: (Omit<PythonError, 'line'> & { line?: number | null }) | null;
  cpu_ms: number;
}

const MB = 2 ** 20;

/** Maps a finished run's Python error to its status. */
export function statusOf(error: PythonError | null): RunStatus {
  if (!error) return 'ok';
  if (error.type === 'MemoryError') return 'memory';
  if (error.type === 'KeyboardInterrupt') return 'stopped';
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
): Promise<ExecutionResult> {
  const sink = createOutputSink({ maxChars: options.maxOutputChars, send });
  const decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };
  const writer = (stream: 'stdout' | 'stderr') => ({
    write(buffer: Uint8Array): number {
      sink.write(stream, decoders[stream].decode(buffer, { stream: true }));
      return buffer.length;
    },
    isatty: false,
  });
  rt.pyodide.setStdout(writer('stdout'));
  rt.pyodide.setStderr(writer('stderr'));
  Atomics.store(interrupt, 0, 0);
  rt.heap._malloc_set_footprint_limit(options.maxMemoryMB * MB);

  const started = performance.now();
  let proxy = rt.runner.run(code, rt.namespace, options.filename) as PyProxy;
  if (proxy.type === 'coroutine') {
    // Top-level await: the runner handed back a coroutine that yields its record.
    const coroutine = proxy;
    proxy = (await (coroutine as unknown as Promise<PyProxy>)) as PyProxy;
    coroutine.destroy();
  }
  const record = proxy.toJs({ dict_converter: Object.fromEntries }) as RunnerRecord;
  proxy.destroy();
  const wallMs = performance.now() - started;

  let value = record.value ?? null;
  const error: PythonError | null = record.error ? { ...record.error, line: record.error.line ?? null } : null;
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
    error,
    metrics: {
      wallMs,
      cpuMs: record.cpu_ms,
      peakMemoryMB: rt.heap._malloc_max_footprint() / MB,
      outputChars: sink.totalChars,
      truncated: sink.truncated,
    },
    stateKept: true,
  };
}
