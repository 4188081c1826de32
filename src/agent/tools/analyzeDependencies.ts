import * as z from 'zod';
import { defineTool } from './defineTool.ts';

/** analyze_dependencies: where each import of the code comes from, and what is missing. */
export const analyzeDependenciesTool = defineTool({
  name: 'analyze_dependencies',
  description:
    "List the top-level imports of Python code with a verdict each: stdlib, loaded, available (in Executor's package index, installable with install_packages), installed, or unknown (cannot be installed here). Without code, analyzes the editor's code.",
  schema: z.object({ code: z.string().max(200_000).optional().describe("The code to analyze (default: the editor's code).") }),
  async run({ code }, ctx) {
    const report = await ctx.engine.analyzeDependencies(code ?? ctx.editorCode());
    const installable = [...new Set(report.filter((r) => r.verdict === 'available' && r.package).map((r) => r.package as string))];
    const unknown = report.filter((r) => r.verdict === 'unknown').map((r) => r.module);
    const parts = [`${report.length} import${report.length === 1 ? '' : 's'}`];
    if (installable.length) parts.push(`installable: ${installable.join(', ')}`);
    if (unknown.length) parts.push(`not available here: ${unknown.join(', ')}`);
    if (!installable.length && !unknown.length) parts.push('nothing is missing');
    return { ok: true, summary: `${parts.join('; ')}.`, data: { imports: report, installable, unknown } };
  },
});
