import { readFileTool } from '../../../src/agent/tools/readFile.ts';
import { fromAgentTool } from '../fromAgentTool.ts';

/** read_file: one file of the session's project. */
export const readFileMcpTool = fromAgentTool(readFileTool, {
  title: 'Read a project file',
  readOnly: true,
  description:
    "Read a file of this session's project folder by its relative path (like tests/test_calc.py); absolute paths and .. are refused.",
});
