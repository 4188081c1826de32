import * as z from 'zod';
import { notice } from '../mcpOutputShapes.ts';
import { writeFileTool } from '../../../src/agent/tools/writeFile.ts';
import { fromAgentTool } from '../fromAgentTool.ts';

/** write_file: creates or replaces a file of the session's project. */
export const writeFileMcpTool = fromAgentTool(writeFileTool, {
  title: 'Write a project file',
  output: z.looseObject({ path: z.string(), created: z.boolean(), notice }),
  destructive: true,
  description:
    "Create or replace a file in this session's project folder (relative path like calculator.py or tests/test_calc.py; absolute paths and .. are refused). run_python can import it and run_tests runs the tests in it.",
});
