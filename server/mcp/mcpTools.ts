import type { McpTool } from './defineMcpTool.ts';
import { analyzeDependenciesMcpTool } from './tools/analyzeDependencies.ts';
import { debugEvaluateMcpTool } from './tools/debugEvaluate.ts';
import { debugPythonMcpTool } from './tools/debugPython.ts';
import { debugStepMcpTool } from './tools/debugStep.ts';
import { debugStopMcpTool } from './tools/debugStop.ts';
import { handleErrorMcpTool } from './tools/handleError.ts';
import { installPackagesMcpTool } from './tools/installPackages.ts';
import { listFilesMcpTool } from './tools/listFiles.ts';
import { profileCodeMcpTool } from './tools/profileCode.ts';
import { readFileMcpTool } from './tools/readFile.ts';
import { resetSessionTool } from './tools/resetSession.ts';
import { runPythonTool } from './tools/runPython.ts';
import { runTestsTool } from './tools/runTests.ts';
import { validateCodeMcpTool } from './tools/validateCode.ts';
import { writeFileMcpTool } from './tools/writeFile.ts';

/** Every tool the MCP server offers, in the order clients list them. */
export const MCP_TOOLS = [
  runPythonTool,
  runTestsTool,
  validateCodeMcpTool,
  analyzeDependenciesMcpTool,
  installPackagesMcpTool,
  profileCodeMcpTool,
  handleErrorMcpTool,
  writeFileMcpTool,
  readFileMcpTool,
  listFilesMcpTool,
  debugPythonMcpTool,
  debugStepMcpTool,
  debugEvaluateMcpTool,
  debugStopMcpTool,
  resetSessionTool,
] as unknown as McpTool[];
