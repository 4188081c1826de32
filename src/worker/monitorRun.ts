import type { PyProxy } from 'pyodide/ffi';
import type { RunMetrics, RunOptions, RunSample } from '../protocol/results.ts';
import type { RawProfile } from '../protocol/profileProtocol.ts';
import type { PythonRuntime } from './bootPyodide.ts';

const MB = 2 ** 20;
/** Live samples go out at most this often. */
export const SAMPLE_INTERVAL_MS = 250;

/** What {@link beginMonitoring} adds to a run's result. */
export interface MonitoringOutcome {
  metrics: Pick<RunMetrics, 'cpuPercent' | 'heapStartMB' | 'heapEndMB' | 'pythonPeakMB' | 'collected'>;
  profile?: RawProfile;
}

/** A run being measured. */
export interface RunMonitor {
  /** Sends a live sample if one is due (cheap: a clock read otherwise). Called on output too. */
  tick(): void;
  /** Stops measuring; `wallMs`/`cpuMs` give the CPU share. */
  end(wallMs: number, cpuMs: number): MonitoringOutcome;
}

interface MonitorRecord {
  python_peak_mb?: number | null;
  profile?: RawProfile | null;
}

/**
 * Starts measuring one run in `_executor.monitor`: live samples (when `collectMetrics` is
 * not false), tracemalloc (when `tracePythonMemory` too) and cProfile (when `profile`). Samples are driven from
 * Python's garbage collector and from output flushes, at most every {@link SAMPLE_INTERVAL_MS}.
 */
export function beginMonitoring(rt: PythonRuntime, options: RunOptions, send: (sample: RunSample) => void): RunMonitor {
  const collect = options.collectMetrics !== false;
  const monitor = rt.pyodide.pyimport('_executor.monitor') as PyProxy & {
    begin(collect: boolean, profile: boolean, sample: ((pythonMB: number | null) => void) | null, interval: number, trace: boolean): void;
    end(filename: string): PyProxy;
  };
  const heapStart = rt.heap._malloc_footprint() / MB;
  let lastSample = -Infinity;
  let ended = false;
  let lastPythonMB: number | null = null;
  const sample = (pythonMB: number | null | undefined): void => {
    lastSample = performance.now();
    if (pythonMB !== undefined) lastPythonMB = pythonMB;
    send({ heapMB: rt.heap._malloc_footprint() / MB, pythonMB: lastPythonMB });
  };
  monitor.begin(
    collect,
    options.profile === true,
    collect ? sample : null,
    SAMPLE_INTERVAL_MS / 1000,
    collect && options.tracePythonMemory === true,
  );
  // The first live sample goes out once the run has lasted a sample interval: a short run sends none
  // (each sample is a message and a repaint of the status line on the page).
  lastSample = performance.now();
  return {
    tick() {
      // Called from inside Python's writes, where Python cannot be called back: the heap is read
      // now, the Python figure is the collector's last. Output also flushes after `end`.
      if (collect && !ended && performance.now() - lastSample >= SAMPLE_INTERVAL_MS) sample(undefined);
    },
    end(wallMs, cpuMs) {
      ended = true;
      const proxy = monitor.end(options.filename);
      const record = proxy.toJs({ dict_converter: Object.fromEntries }) as MonitorRecord;
      proxy.destroy();
      monitor.destroy();
      const profile = record.profile ?? undefined;
      if (!collect) return { metrics: { collected: false }, ...(profile ? { profile } : {}) };
      return {
        metrics: {
          collected: true,
          cpuPercent: wallMs > 0 ? Math.min(100, (cpuMs / wallMs) * 100) : 0,
          heapStartMB: heapStart,
          heapEndMB: rt.heap._malloc_footprint() / MB,
          pythonPeakMB: record.python_peak_mb ?? null,
        },
        ...(profile ? { profile } : {}),
      };
    },
  };
}
