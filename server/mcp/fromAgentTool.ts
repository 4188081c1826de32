import type * as z from 'zod';
import type { AgentTool } from '../../src/agent/tools/defineTool.ts';
import { agentToolContext, defineMcpTool, type McpTool } from './defineMcpTool.ts';

/**
 * The chat agent's tool as an MCP tool: the same schema and engine call, with a description for agents that
 * have no editor in front of them.
 */
export function fromAgentTool<S extends z.ZodObject>(
  tool: AgentTool<S>,
  meta: { title: string; description: string; readOnly?: boolean; destructive?: boolean; output: z.ZodObject },
): McpTool<S> {
  return defineMcpTool({
    name: tool.name,
    ...meta,
    ...(tool.keepsDebugRun ? { keepsDebugRun: true } : {}),
    schema: tool.schema,
    async run(args, ctx) {
      const outcome = await tool.run(args, agentToolContext(ctx));
      const data =
        outcome.data !== null && typeof outcome.data === 'object' && !Array.isArray(outcome.data) ? outcome.data : { result: outcome.data };
      return { ok: outcome.ok, summary: outcome.summary, data: data as Record<string, unknown> };
    },
  });
}
