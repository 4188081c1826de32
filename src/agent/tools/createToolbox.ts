import type { Engine } from '../../engine/createEngine.ts';
import { analyzeDependenciesTool } from './analyzeDependencies.ts';
import { createDemoTool } from './createDemo.ts';
import type { AgentTool } from './defineTool.ts';
import { executeCodeTool } from './executeCode.ts';
import { handleErrorTool } from './handleError.ts';
import { installPackagesTool } from './installPackages.ts';
import { validateCodeTool } from './validateCode.ts';

/**
 * The tools this engine supports. A tool whose engine API does not exist is left
 * out (never a stub that pretends to work).
 */
export function createToolbox(engine: Engine): AgentTool[] {
  const tools: AgentTool[] = [executeCodeTool, analyzeDependenciesTool, installPackagesTool, handleErrorTool, createDemoTool] as AgentTool[];
  if (typeof engine.validateCode === 'function') tools.push(validateCodeTool as AgentTool);
  return tools;
}

/** Looks a tool up by name. */
export function findTool(tools: readonly AgentTool[], name: string): AgentTool | undefined {
  return tools.find((t) => t.name === name);
}
