import * as z from 'zod';
import type { ErrorAdvice } from '../../engine/handleError.ts';
import type { ProfileFunction } from '../../runs/parseProfile.ts';
import type { ExecutionResult, RunOptions } from '../../protocol/results.ts';
import { checkToolPath } from './checkToolPath.ts';
import { defineTool } from './defineTool.ts';
import { namePaths } from './namePaths.ts';
import { clip, runHeadline } from './runSummary.ts';
import { WORKING_DIR } from '../../protocol/paths.ts';
import { ownFunctions, suggestOptimizations } from './suggestOptimizations.ts';
import { isTextFile } from '../../project/fileContent.ts';

/** One row of profile_code's table. */
export interface ProfileRow {
  name: string;
  file: string;
  line: number;
  calls: number;
  ownMs: number;
  cumMs: number;
  /** Own time as a percent of the total. */
  percent: number;
  /** The program's own code (not a built-in or the library). */
  own: boolean;
}

/** What profile_code returns. */
export interface ProfileData {
  status: ExecutionResult['status'];
  success: boolean;
  /** The file that ran (`main.py` for a snippet). */
  filename: string;
  stdout: string;
  error: { type: string; message: string; line: number | null } | null;
  metrics: ExecutionResult['metrics'];
  /** The program's total time (100 %), in ms; null when nothing was measured. */
  totalMs: number | null;
  /** The heaviest functions by own time. */
  top: ProfileRow[];
  /** The program's own function with the most own time. */
  hottest: string | null;
  suggestions: string[];
  advice: ErrorAdvice | null;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The interpreter's working folder (src/worker/bootPyodide.ts WORKING_DIR): profiles name imported project files by it. */
const WORKING_DIR_PREFIX = `${WORKING_DIR}/`;

/** profile_code: runs code under cProfile (same session, same limits) and says where the time goes and what to change. */
export const profileCodeTool = defineTool({
  name: 'profile_code',
  description:
    "Run Python code under cProfile (in the session's interpreter, within the user's limits) and report the functions that take the most time " +
    '(calls, own and cumulative ms, percent of the total) with optimization suggestions. Give `code`, or `path` for a project file; with neither, profiles the file open in the editor.',
  schema: z.object({
    code: z.string().min(1, 'code is empty').max(200_000).optional().describe('The Python code to profile.'),
    path: z.string().min(1).max(500).optional().describe('A project file to profile instead (run as __main__ with the project around it).'),
    top: z.number().int().min(1).max(50).optional().describe('How many functions to report (default 10).'),
  }),
  async run({ code, path, top = 10 }, ctx) {
    const files = ctx.project?.files() ?? [];
    let source = code;
    let options: Partial<RunOptions> = ctx.runOptions();
    if (source === undefined) {
      const target = path ?? ctx.project?.activePath();
      if (target === undefined) source = ctx.editorCode();
      else {
        const checked = checkToolPath(target);
        if ('error' in checked) return { ok: false, summary: checked.error, data: { error: checked.error } };
        const file = files.find((f) => f.path === checked.path);
        if (!file) {
          const error = `${checked.path} is not in the project. Its files: ${namePaths(files.map((f) => f.path))}.`;
          return { ok: false, summary: error, data: { error } };
        }
        if (!isTextFile(file)) {
          const error = `${checked.path} is a binary file, not Python code.`;
          return { ok: false, summary: error, data: { error } };
        }
        source = file.content;
        options = { ...options, files, filename: file.path };
      }
    }
    if (!source.trim())
      return {
        ok: false,
        summary: 'There is no code to profile: give code, or open a file with code in the editor.',
        data: { error: 'no code' },
      };
    const { result, profile } = await ctx.engine.profileCode(source, options);
    ctx.recordResult(result);
    const filename = options.filename ?? 'main.py';
    const projectPaths = new Set(files.map((f) => f.path));
    const isOwnFile = (file: string) => {
      const relative = file.startsWith(WORKING_DIR_PREFIX) ? file.slice(WORKING_DIR_PREFIX.length) : file;
      return file === filename || projectPaths.has(relative) || (!file.startsWith('/') && !file.startsWith('<') && file !== '~');
    };
    const advice = result.success ? null : await ctx.engine.handleError(result, options);
    const own = profile ? new Set(ownFunctions(profile, isOwnFile).map((f) => f.key)) : new Set<string>();
    const row = (f: ProfileFunction): ProfileRow => ({
      name: f.name,
      file: f.file,
      line: f.line,
      calls: f.calls,
      ownMs: round(f.ownMs),
      cumMs: round(f.cumMs),
      percent: f.percent,
      own: own.has(f.key),
    });
    const hottest = profile ? (ownFunctions(profile, isOwnFile).find((f) => f.name !== '<module>') ?? null) : null;
    const data: ProfileData = {
      status: result.status,
      success: result.success,
      filename,
      stdout: clip(result.stdout, 2000),
      error: result.error ? { type: result.error.type, message: result.error.message, line: result.error.line } : null,
      metrics: result.metrics,
      totalMs: profile ? round(profile.totalMs) : null,
      top: profile ? profile.topFunctions.slice(0, top).map(row) : [],
      hottest: hottest?.name ?? null,
      suggestions: profile ? suggestOptimizations(profile, source, isOwnFile) : [],
      advice,
    };
    if (!profile) return { ok: false, summary: `Nothing was measured. ${runHeadline(result)}`, data };
    const where = hottest ? `; most time in ${hottest.name} (line ${hottest.line}, ${hottest.percent.toFixed(0)}% own time)` : '';
    const summary = result.success
      ? `Profiled: ${profile.totalMs.toFixed(1)} ms in total${where}.`
      : `${runHeadline(result)} (profiled until then: ${profile.totalMs.toFixed(1)} ms${where})`;
    return { ok: result.success, summary, data };
  },
});
