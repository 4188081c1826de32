import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { McpToolOutcome } from './defineMcpTool.ts';

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;

/**
 * An outcome as MCP carries it: a text block (the summary, any notice, then output and traceback) for clients that
 * show only text, the structured result, and the run's images as image content. `isError` marks a call that could
 * not do its work (refused arguments, a lost interpreter), not a program that raised or a test that failed; such a
 * result says why in its text and has no structured content, since clients check that against the tool's output
 * schema (the MCP SDK's client does even for errors).
 */
export function toCallToolResult(outcome: McpToolOutcome, notice: string | null): CallToolResult {
  const text = [notice ? `Note: ${notice}` : '', outcome.summary, outcome.details ?? ''].filter(Boolean).join('\n');
  const content: CallToolResult['content'] = [{ type: 'text', text }];
  for (const display of outcome.images ?? []) {
    const mimeType = IMAGE_TYPES.find((t) => typeof display.data[t] === 'string');
    if (!mimeType) continue;
    const payload = display.data[mimeType] ?? '';
    // Jupyter's mime bundles hold PNG and JPEG as base64 already, SVG as text.
    const data = mimeType === 'image/svg+xml' ? Buffer.from(payload, 'utf8').toString('base64') : payload.replace(/\s+/g, '');
    content.push({ type: 'image', data, mimeType });
  }
  for (const resource of outcome.resources ?? []) content.push({ type: 'resource', resource });
  if (typeof outcome.data.error === 'string') return { content, isError: true };
  return { content, structuredContent: notice ? { ...outcome.data, notice } : outcome.data, isError: false };
}

/** A call that failed before or instead of its work, as MCP carries it. */
export function errorResult(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}
