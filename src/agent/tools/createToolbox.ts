import type { ToolContext } from '../types.ts';
import { analyzeDependenciesTool } from './analyzeDependencies.ts';
import { createDemoTool } from './createDemo.ts';
import type { AgentTool } from './defineTool.ts';
import { debugEvaluateTool } from './debugEvaluate.ts';
import { debugPythonTool } from './debugPython.ts';
import { debugStepTool } from './debugStep.ts';
import { debugStopTool } from './debugStop.ts';
import { executeBatchTool } from './executeBatch.ts';
import { executeCodeTool } from './executeCode.ts';
import { handleErrorTool } from './handleError.ts';
import { installPackagesTool } from './installPackages.ts';
import { listFilesTool } from './listFiles.ts';
import { profileCodeTool } from './profileCode.ts';
import { readFileTool } from './readFile.ts';
import { runTestsTool } from './runTests.ts';
import { validateCodeTool } from './validateCode.ts';
import { writeFileTool } from './writeFile.ts';

/**
 * The tools this engine (and project) supports. A tool whose engine API does not
 * exist, or that needs a project where there is none, is left out (never a stub
 * that pretends to work).
 */
export function createToolbox({ engine, project, debugger: stepper }: Pick<ToolContext, 'engine' | 'project' | 'debugger'>): AgentTool[] {
  const tools: AgentTool[] = [
    executeCodeTool,
    analyzeDependenciesTool,
    installPackagesTool,
    handleErrorTool,
    createDemoTool,
  ] as AgentTool[];
  if (typeof engine.validateCode === 'function') tools.push(validateCodeTool);
  if (project && typeof engine.runTests === 'function') tools.push(runTestsTool);
  if (project) tools.push(listFilesTool, readFileTool, writeFileTool);
  if (typeof engine.profileCode === 'function') tools.push(profileCodeTool);
  if (typeof engine.executeBatch === 'function') tools.push(executeBatchTool);
  if (stepper) tools.push(debugPythonTool, debugStepTool, debugEvaluateTool, debugStopTool);
  return tools;
}

/** Looks a tool up by name. */
export function findTool(tools: readonly AgentTool[], name: string): AgentTool | undefined {
  return tools.find((t) => t.name === name);
}
