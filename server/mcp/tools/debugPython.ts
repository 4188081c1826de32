import { debugPythonTool } from '../../../src/agent/tools/debugPython.ts';
import { debugStopOutput } from '../mcpOutputShapes.ts';
import { fromAgentTool } from '../fromAgentTool.ts';

/** debug_python: code or one test of the session under the step debugger. */
export const debugPythonMcpTool = fromAgentTool(debugPythonTool, {
  title: 'Debug Python',
  output: debugStopOutput,
  description:
    'Run code in this session\'s interpreter, or one test of its project (a pytest node id like "test_calc.py::test_add"), under the step debugger. ' +
    'It stops at the breakpoints and, unless stop_on_failure is false, where the program or the test fails (the failing assertion or the line that raised). ' +
    'Returns the pause: file:line, the line, the stack, the innermost locals as short reprs, the output so far; or the run result if nothing stopped it. ' +
    'Go on with debug_step, look with debug_evaluate, end with debug_stop. One debug run per session; a pause left alone 5 minutes is stopped; ' +
    'a tool that needs the interpreter (run_python, run_tests, ...) stops a paused run first.',
});
