import * as z from 'zod';
import { notice } from '../mcpOutputShapes.ts';
import { listFilesTool } from '../../../src/agent/tools/listFiles.ts';
import { fromAgentTool } from '../fromAgentTool.ts';

/** list_files: the session's project folder. */
export const listFilesMcpTool = fromAgentTool(listFilesTool, {
  title: 'List project files',
  output: z.looseObject({ files: z.array(z.looseObject({ path: z.string() })), active: z.string(), more: z.number().int(), notice }),
  readOnly: true,
  description:
    "List the files of this session's project folder (what run_python can import and run_tests tests), with their sizes. Write files with write_file.",
});
