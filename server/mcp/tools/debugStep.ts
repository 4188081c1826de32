import { debugStepTool } from '../../../src/agent/tools/debugStep.ts';
import { debugStopOutput } from '../mcpOutputShapes.ts';
import { fromAgentTool } from '../fromAgentTool.ts';

/** debug_step: the paused debug run goes on. */
export const debugStepMcpTool = fromAgentTool(debugStepTool, {
  title: 'Step the debugger',
  output: debugStopOutput,
  description:
    'Let the paused debug run (debug_python) go on: "continue" to the next breakpoint or failure, "over" the current line, "into" its call, ' +
    '"out" of the function. Returns the next pause, or the run result when it finished.',
});
