import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { log } from './log.ts';
import { parseComputeMs } from './parseComputeSeconds.ts';
import { COMPUTE_PROGRAM } from './paths.ts';
import { summarize } from './summarize.ts';
import { row, type BenchRow } from './types.ts';

/** compute.py's lines around the timed work: `checksum = work()` and the final print. */
const BREAKPOINT_LINES = [43, 45];

/**
 * A bdb-style `sys.settrace` debugger with the same breakpoints, as pdb's classic backend traces:
 * a local trace function on every frame of the program's file, a set lookup per line. It runs
 * before compute.py in the same run (so compute.py's own lines keep their numbers in the file).
 */
const SETTRACE_PRELUDE = `import sys
_bps = {${BREAKPOINT_LINES.map((l) => `("main.py", ${l})`).join(', ')}}
def _trace(frame, event, arg):
    if frame.f_code.co_filename != "main.py":
        return None
    if event == "line" and (frame.f_code.co_filename, frame.f_lineno) in _bps:
        pass
    return _trace
sys.settrace(_trace)
`;

/**
 * Figure 9: the step debugger's cost between breakpoints. compute.py runs normally, under Executor's
 * debugger (sys.monitoring) with breakpoints on the lines before and after the timed work (each pause
 * resumed at once), and, as the alternative the debugger did not choose, under a bdb-style
 * sys.settrace tracer. Times are inside Python (perf_counter around the work), one untimed warm-up each.
 */
export async function measureDebug(executor: Page, runs: number): Promise<BenchRow[]> {
  const code = await readFile(COMPUTE_PROGRAM, 'utf8');
  const run = async (mode: 'normal' | 'debug' | 'settrace'): Promise<number> => {
    await executor.bringToFront();
    const stdout = await executor.evaluate(
      async ({ src, mode, lines, prelude }) => {
        const engine = window.executor.engine;
        const breakpoints = lines.map((line) => ({ file: 'main.py', line }));
        const options = { timeoutMs: 300_000, filename: 'main.py' };
        let r;
        if (mode === 'debug') {
          const off = engine.on('paused', () => engine.resumeDebug('continue', breakpoints));
          r = await engine.debug(src, { ...options, breakpoints });
          off();
        } else if (mode === 'settrace') {
          await engine.execute(prelude, options);
          r = await engine.execute(src, options);
          await engine.execute('import sys\nsys.settrace(None)', options);
        } else r = await engine.execute(src, options);
        if (r.status !== 'ok') throw new Error(`compute.py (${mode}) ended with ${r.status}: ${r.error?.message ?? ''}`);
        return r.stdout;
      },
      { src: code, mode, lines: BREAKPOINT_LINES, prelude: SETTRACE_PRELUDE },
    );
    return parseComputeMs(stdout);
  };
  for (const mode of ['normal', 'debug', 'settrace'] as const) await run(mode);
  const normal: number[] = [];
  const debug: number[] = [];
  const settrace: number[] = [];
  for (let i = 0; i < runs; i++) {
    normal.push(await run('normal'));
    debug.push(await run('debug'));
    settrace.push(await run('settrace'));
    log(
      `debug ${i + 1}/${runs}: normal ${normal.at(-1)?.toFixed(0)} ms, debugger ${debug.at(-1)?.toFixed(0)} ms, ` +
        `settrace ${settrace.at(-1)?.toFixed(0)} ms`,
    );
  }
  const f = '9. Debugger';
  return [
    row(
      f,
      'compute.py between breakpoints: debug run vs normal run (goal ≤ 3×)',
      'ms',
      summarize(debug),
      'the same run without the debugger',
      summarize(normal),
      'sys.monitoring: lines that are not breakpoints are switched off after their first pass',
    ),
    row(
      f,
      'compute.py between breakpoints: bdb-style sys.settrace vs normal run',
      'ms',
      summarize(settrace),
      'the same run without the debugger',
      summarize(normal),
      'the alternative measured and not chosen (pdb’s classic way)',
    ),
  ];
}
