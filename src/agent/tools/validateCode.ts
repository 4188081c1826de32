import * as z from 'zod';
import type { ValidationReport } from '../../protocol/policy.ts';
import { defineTool } from './defineTool.ts';

/** validate_code: the safety policy's diagnostics for code, without running it (engine.validateCode). */
export const validateCodeTool = defineTool({
  name: 'validate_code',
  description:
    "Check Python code without running it: syntax errors, imports the safe-mode policy blocks or does not know, forbidden functions (eval, exec, open, ...), and other risky patterns. Each diagnostic has a line, a rule, a message and a suggestion. Without code, checks the editor's code.",
  schema: z.object({ code: z.string().max(200_000).optional().describe("The code to check (default: the editor's code).") }),
  async run({ code }, ctx) {
    const report: ValidationReport = await ctx.engine.validateCode(code ?? ctx.editorCode());
    const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = report.diagnostics.length - errors;
    const summary =
      report.diagnostics.length === 0
        ? 'No problems found.'
        : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`;
    return { ok: errors === 0, summary, data: report };
  },
});
