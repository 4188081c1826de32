import { handleErrorTool } from '../../../src/agent/tools/handleError.ts';
import { fromAgentTool } from '../fromAgentTool.ts';

/** handle_error: suggestions for the session's last failed run. */
export const handleErrorMcpTool = fromAgentTool(handleErrorTool, {
  title: 'Explain the last error',
  readOnly: true,
  description:
    "Explain this session's most recent failed run_python: the error, the failing line, did-you-mean suggestions over the names in scope, and fixes (install a package, raise a limit).",
});
