import * as z from 'zod';
import type { ToolContext, ToolOutcome } from '../types.ts';

/**
 * One tool the agent can call: a name, a description for the model, a zod schema
 * for its arguments and one function that does the work through the engine
 * (after openai-node's `zodFunction` tool helpers).
 */
export interface AgentTool<S extends z.ZodType = z.ZodType> {
  name: string;
  description: string;
  schema: S;
  /**
   * True for tools that may be used while a debug run is paused (the debug tools; tools that only read or write
   * project files). Any other tool needs the interpreter, so the paused run is stopped first, and its outcome says so.
   */
  keepsDebugRun?: boolean;
  run(args: z.infer<S>, ctx: ToolContext): Promise<ToolOutcome>;
}

/** Declares a tool (keeps the argument type tied to the schema). */
export function defineTool<S extends z.ZodType>(tool: AgentTool<S>): AgentTool<S> {
  return tool;
}

/** The tool as the OpenAI chat API describes it (`tools: [...]`). */
export function toOpenAITool(tool: AgentTool): {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
} {
  const { $schema: _ignored, ...parameters } = z.toJSONSchema(tool.schema) as Record<string, unknown>;
  return { type: 'function', function: { name: tool.name, description: tool.description, parameters } };
}

/**
 * Checks raw arguments (a JSON string from the model, or an object) against the tool's schema and runs it.
 * Bad arguments give a failed outcome that says what was wrong, never an exception.
 */
export async function invokeTool(tool: AgentTool, raw: unknown, ctx: ToolContext): Promise<ToolOutcome> {
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = raw.trim() === '' ? {} : JSON.parse(raw);
    } catch {
      return { ok: false, summary: `The arguments for ${tool.name} are not valid JSON.`, data: { error: 'invalid JSON arguments' } };
    }
  }
  const parsed = tool.schema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; ');
    return { ok: false, summary: `Bad arguments for ${tool.name}: ${problems}`, data: { error: problems } };
  }
  try {
    if (ctx.debugger?.active && !tool.keepsDebugRun) {
      await ctx.debugger.stop();
      const outcome = await tool.run(parsed.data, ctx);
      return { ...outcome, summary: `(The paused debug run was stopped first: ${tool.name} needs the interpreter.) ${outcome.summary}` };
    }
    return await tool.run(parsed.data, ctx);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, summary: `${tool.name} failed: ${message}`, data: { error: message } };
  }
}
