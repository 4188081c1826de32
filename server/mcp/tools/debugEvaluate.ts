import * as z from 'zod';
import { debugEvaluateTool } from '../../../src/agent/tools/debugEvaluate.ts';
import { notice } from '../mcpOutputShapes.ts';
import { fromAgentTool } from '../fromAgentTool.ts';

/** debug_evaluate: an expression in a frame of the pause. */
export const debugEvaluateMcpTool = fromAgentTool(debugEvaluateTool, {
  title: 'Evaluate in the paused program',
  output: z.looseObject({
    expression: z.string(),
    frame: z.number().int(),
    type: z.string(),
    size: z.string().nullable(),
    repr: z.string().describe('A short repr of the value.'),
    notice,
  }),
  description:
    'Evaluate a Python expression in a frame of the paused debug run (frame 0, the default, is the innermost; 2 s at most). ' +
    'A statement (x = 5) runs in the frame and changes it. Returns the type, size and a short repr.',
});
