import * as z from 'zod';
import { notice } from '../mcpOutputShapes.ts';
import { installPackagesTool } from '../../../src/agent/tools/installPackages.ts';
import { fromAgentTool } from '../fromAgentTool.ts';

/** install_packages: loads packages into the session's interpreter. */
export const installPackagesMcpTool = fromAgentTool(installPackagesTool, {
  title: 'Install packages',
  output: z.looseObject({
    installed: z.array(z.looseObject({ name: z.string(), version: z.string() })),
    failed: z.array(z.looseObject({ name: z.string(), reason: z.string() })),
    notice,
  }),
  description:
    "Install Python packages into this session's interpreter: from Executor's package index (self-hosted wheels, else the package CDN) and pure-Python wheels from PyPI when the server allows it. Says what was installed, with versions, and why anything failed.",
});
