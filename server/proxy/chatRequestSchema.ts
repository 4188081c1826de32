import * as z from 'zod';

const textPart = z.object({ type: z.literal('text'), text: z.string() });
const refusalPart = z.object({ type: z.literal('refusal'), refusal: z.string() });
const textContent = z.union([z.string(), z.array(textPart)]);
const name = z.string().min(1).max(64).optional();

const toolCall = z.object({
  id: z.string().min(1).max(200),
  type: z.literal('function'),
  function: z.object({ name: z.string().min(1).max(64), arguments: z.string() }),
});

const message = z.discriminatedUnion('role', [
  z.object({ role: z.literal('system'), content: textContent, name }),
  z.object({ role: z.literal('developer'), content: textContent, name }),
  z.object({ role: z.literal('user'), content: textContent, name }),
  z.object({
    role: z.literal('assistant'),
    content: z
      .union([z.string(), z.array(z.union([textPart, refusalPart]))])
      .nullable()
      .optional(),
    refusal: z.string().nullable().optional(),
    name,
    tool_calls: z.array(toolCall).max(128).optional(),
  }),
  z.object({ role: z.literal('tool'), content: textContent, tool_call_id: z.string().min(1).max(200) }),
]);

const tool = z.object({
  type: z.literal('function'),
  function: z.object({
    name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'tool names use letters, digits, "_" or "-" (max 64)'),
    description: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
    strict: z.boolean().nullable().optional(),
  }),
});

const toolChoice = z.union([
  z.enum(['none', 'auto', 'required']),
  z.object({ type: z.literal('function'), function: z.object({ name: z.string().min(1).max(64) }) }),
]);

/**
 * The allowlisted shape of a chat request. Unknown fields (e.g. `model`, `n`, `logit_bias`,
 * `data_sources`) are dropped by parsing, at the top level and inside messages and tools.
 */
export const chatRequestSchema = z.object({
  messages: z.array(message).min(1, 'send at least one message'),
  tools: z.array(tool).max(128).optional(),
  tool_choice: toolChoice.optional(),
  temperature: z.number().min(0).max(2).optional(),
  max_tokens: z.number().int().positive().optional(),
  stream: z.boolean().optional(),
});

/** A chat request after validation and allowlisting. */
export type ChatRequest = z.infer<typeof chatRequestSchema>;
