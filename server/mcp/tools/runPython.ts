import { notice, runError, runMetrics } from '../mcpOutputShapes.ts';
import * as z from 'zod';
import { pickViewImages } from '../../../src/agent/tools/pickViewImages.ts';
import { clip, runHeadline, summarizeRun } from '../../../src/agent/tools/runSummary.ts';
import { defineMcpTool } from '../defineMcpTool.ts';

/** run_python: runs code in the session's interpreter (variables persist between calls) within its limits. */
export const runPythonTool = defineMcpTool({
  name: 'run_python',
  title: 'Run Python',
  output: z.looseObject({
    status: z.string(),
    success: z.boolean(),
    stdout: z.string(),
    stderr: z.string(),
    value: z.string().nullable(),
    error: runError.nullable(),
    metrics: runMetrics,
    stateKept: z.boolean(),
    advice: z.looseObject({ summary: z.string() }).nullable(),
    displays: z.array(z.unknown()),
    notice,
  }),
  description:
    "Run Python 3.14 code in this session's sandboxed interpreter (Pyodide in a headless browser: no network, no host files). " +
    "Variables, imports and installed packages persist between calls in the session. The session's project files (write_file) can be imported. " +
    'Returns status, stdout, stderr, the value of a trailing expression, the error with traceback and line and suggestions, metrics (wall/CPU ms, memory), and images (matplotlib figures, display()) as image content.',
  schema: z.object({
    code: z.string().min(1, 'code is empty').max(200_000).describe('The Python code to run.'),
    stdin: z.string().max(1_000_000).optional().describe('Standard input the program reads (then end of file). Default: empty.'),
    timeout_seconds: z.number().positive().max(600).optional().describe('Time limit in seconds (default: EXECUTOR_TIMEOUT, 30).'),
    max_memory_mb: z.number().int().min(16).max(4096).optional().describe('Memory limit in MB (default: EXECUTOR_MAX_MEMORY, 512MB).'),
    max_output_chars: z
      .number()
      .int()
      .min(100)
      .max(10_000_000)
      .optional()
      .describe('Output limit in characters (default: EXECUTOR_MAX_OUTPUT_LENGTH, 10,000).'),
    safe_mode: z
      .boolean()
      .optional()
      .describe(
        'Refuse risky code before it runs (imports outside the allowlist, eval/exec/open, ...). Default: EXECUTOR_SANDBOX_MODE (on).',
      ),
  }),
  async run({ code, stdin, timeout_seconds, max_memory_mb, max_output_chars, safe_mode }, { session, settings }) {
    const options = {
      ...settings.runOptions,
      ...(timeout_seconds ? { timeoutMs: Math.round(timeout_seconds * 1000) } : {}),
      ...(max_memory_mb ? { maxMemoryMB: max_memory_mb } : {}),
      ...(max_output_chars ? { maxOutputChars: max_output_chars } : {}),
      policy: { ...settings.policy, ...(safe_mode === undefined ? {} : { sandboxMode: safe_mode }) },
      // Nobody is there to type: input() reads this, then gets end of file.
      stdin: stdin ?? '',
      files: session.project.files(),
    };
    const result = await session.engine.execute(code, options);
    session.lastResult = result;
    const advice = result.success ? null : await session.engine.handleError(result, options);
    const text = [
      result.output.length ? clip(result.output.map((c) => c.text).join('')).trimEnd() : '',
      result.value !== null ? `→ ${clip(result.value, 2000)}` : '',
      result.error ? clip(result.error.traceback || `${result.error.type}: ${result.error.message}`, 3000) : '',
      advice?.summary ?? '',
    ];
    return {
      ok: result.success,
      summary: runHeadline(result),
      details: text.filter(Boolean).join('\n'),
      data: { ...summarizeRun(result, advice) },
      images: pickViewImages(result.displays ?? []),
    };
  },
});
