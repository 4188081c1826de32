import * as z from 'zod';
import { notice } from '../mcpOutputShapes.ts';
import { validateCodeTool } from '../../../src/agent/tools/validateCode.ts';
import { fromAgentTool } from '../fromAgentTool.ts';

/** validate_code: the safe-mode policy's findings for code, nothing run. */
export const validateCodeMcpTool = fromAgentTool(validateCodeTool, {
  title: 'Validate Python code',
  output: z.looseObject({
    diagnostics: z.array(z.looseObject({ line: z.number().int(), rule: z.string(), message: z.string(), severity: z.string() })),
    imports: z.array(z.looseObject({ module: z.string() })),
    notice,
  }),
  readOnly: true,
  description:
    'Check Python code without running it: syntax errors, imports the safe-mode policy blocks or does not know, forbidden functions (eval, exec, open, ...) and other risky patterns, each with a line, a rule, a message and a suggestion.',
});
