import { debugStopTool } from '../../../src/agent/tools/debugStop.ts';
import { debugStopOutput } from '../mcpOutputShapes.ts';
import { fromAgentTool } from '../fromAgentTool.ts';

/** debug_stop: ends the session's debug run. */
export const debugStopMcpTool = fromAgentTool(debugStopTool, {
  title: 'Stop debugging',
  output: debugStopOutput,
  description: "End this session's debug run, paused or not, and return its result; the interpreter is free for other runs again.",
});
