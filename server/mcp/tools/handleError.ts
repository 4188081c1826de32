import * as z from 'zod';
import { notice, runError } from '../mcpOutputShapes.ts';
import { handleErrorTool } from '../../../src/agent/tools/handleError.ts';
import { fromAgentTool } from '../fromAgentTool.ts';

/** handle_error: suggestions for the session's last failed run. */
export const handleErrorMcpTool = fromAgentTool(handleErrorTool, {
  title: 'Explain the last error',
  output: z.looseObject({
    advice: z
      .looseObject({ summary: z.string() })
      .nullable()
      .describe('What went wrong and how to fix it; null when there is no failed run.'),
    error: runError.nullable().optional(),
    notice,
  }),
  readOnly: true,
  description:
    "Explain this session's most recent failed run_python: the error, the failing line, did-you-mean suggestions over the names in scope, and fixes (install a package, raise a limit).",
});
