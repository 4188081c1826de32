import { analyzeDependenciesTool } from '../../../src/agent/tools/analyzeDependencies.ts';
import { fromAgentTool } from '../fromAgentTool.ts';

/** analyze_dependencies: where each import of the code comes from. */
export const analyzeDependenciesMcpTool = fromAgentTool(analyzeDependenciesTool, {
  title: 'Analyze dependencies',
  readOnly: true,
  description:
    'List the top-level imports of Python code and where each comes from: the standard library, a package already loaded, one that can be installed (install_packages), or unknown.',
});
