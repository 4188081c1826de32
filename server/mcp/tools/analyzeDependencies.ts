import * as z from 'zod';
import { notice } from '../mcpOutputShapes.ts';
import { analyzeDependenciesTool } from '../../../src/agent/tools/analyzeDependencies.ts';
import { fromAgentTool } from '../fromAgentTool.ts';

/** analyze_dependencies: where each import of the code comes from. */
export const analyzeDependenciesMcpTool = fromAgentTool(analyzeDependenciesTool, {
  title: 'Analyze dependencies',
  output: z.looseObject({
    imports: z.array(z.looseObject({ module: z.string(), verdict: z.string() })),
    installable: z.array(z.string()),
    unknown: z.array(z.string()),
    notice,
  }),
  readOnly: true,
  description:
    'List the top-level imports of Python code and where each comes from: the standard library, a package already loaded, one that can be installed (install_packages), or unknown.',
});
