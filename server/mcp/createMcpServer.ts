import { bytesToBase64 } from '../../src/project/base64.ts';
import { mimeTypeOf } from '../../src/project/mimeType.ts';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { SessionPool } from '../headless/createSessionPool.ts';
import type { HeadlessSettings } from '../headless/headlessSettings.ts';
import { MCP_TOOLS } from './mcpTools.ts';
import { errorResult, toCallToolResult } from './toCallToolResult.ts';
import { streamProgress } from './streamProgress.ts';

/** Executor's version, as the MCP server reports it. */
export const SERVER_VERSION = '0.1.0';

const INSTRUCTIONS =
  'Executor runs Python 3.14 (Pyodide) in a sandbox: an opaque-origin frame and a Web Worker in headless Chromium, with no network and no access to the host. ' +
  'Each MCP session has its own interpreter (state persists between run_python calls) and project folder (write_file, read_file, list_files; run_tests runs pytest on it with coverage). ' +
  'Runs have time, memory and output limits; safe mode refuses risky code unless safe_mode is false.';

/**
 * An MCP server for one session of the pool: Executor's tools (server/mcp/tools) and the session's files as
 * resources (executor://files/{path}).
 */
export function createMcpServer(sessionId: string, pool: SessionPool, settings: HeadlessSettings): McpServer {
  const server = new McpServer({ name: 'executor', title: 'Executor', version: SERVER_VERSION }, { instructions: INSTRUCTIONS });
  for (const tool of MCP_TOOLS) {
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.schema,
        outputSchema: tool.output,
        annotations: {
          title: tool.title,
          readOnlyHint: tool.readOnly ?? false,
          destructiveHint: tool.destructive ?? false,
          openWorldHint: false,
        },
      },
      async (args: unknown, extra) => {
        const token = extra._meta?.progressToken;
        try {
          return await pool.use(sessionId, async (session) => {
            const parsed = tool.schema.parse(args);
            // A client that sends a progress token gets the output and finished tests as they come, and heartbeats.
            const stopStreaming =
              token === undefined
                ? () => undefined
                : streamProgress(
                    (listener) => session.engine.onProgress(listener),
                    token,
                    (params) => void extra.sendNotification({ method: 'notifications/progress', params }).catch(() => undefined),
                  );
            // A paused debug run holds the interpreter: a tool that needs it ends that run first, and says so.
            const stopped = !tool.keepsDebugRun && session.engine.debugger.active && (await session.engine.debugger.stop()) !== null;
            const outcome = await tool.run(parsed, { session, settings }).finally(stopStreaming);
            const notes = [
              stopped ? `The paused debug run was stopped first: ${tool.name} needs the interpreter.` : '',
              session.takeNotice() ?? '',
            ];
            return toCallToolResult(outcome, notes.filter(Boolean).join(' ') || null);
          });
        } catch (err) {
          return errorResult(err instanceof Error ? err.message : String(err));
        }
      },
    );
  }
  server.registerResource(
    'project-files',
    new ResourceTemplate('executor://files/{+path}', {
      list: () => ({
        resources: pool
          .project(sessionId)
          .files()
          .map((f) => ({ uri: `executor://files/${f.path}`, name: f.path, mimeType: mimeTypeOf(f.path, 'content' in f) })),
      }),
    }),
    { title: "The session's project files", description: 'The files of this session (write_file creates them).', mimeType: 'text/plain' },
    (uri, { path }) => {
      const wanted = Array.isArray(path) ? path.join('/') : (path ?? '');
      const file = pool
        .project(sessionId)
        .files()
        .find((f) => f.path === wanted);
      if (!file) throw new Error(`${wanted} is not a file of this session; list_files shows them.`);
      return {
        contents: [
          'content' in file
            ? { uri: uri.href, mimeType: mimeTypeOf(file.path, true), text: file.content }
            : { uri: uri.href, mimeType: mimeTypeOf(file.path), blob: bytesToBase64(file.bytes) },
        ],
      };
    },
  );
  return server;
}
