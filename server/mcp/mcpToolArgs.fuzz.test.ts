import fc from 'fast-check';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUZZ } from '../../src/protocol/fuzzSettings.ts';
import type { SessionPool } from '../headless/createSessionPool.ts';
import type { HeadlessSettings } from '../headless/headlessSettings.ts';
import { createMcpServer } from './createMcpServer.ts';
import { MCP_TOOLS } from './mcpTools.ts';

// A pool with no browser behind it: arguments that pass a tool's schema reach it and get its error, as a client would.
const pool = {
  use: async () => {
    throw new Error('This test has no interpreter: the arguments were accepted.');
  },
  project: () => ({ files: () => [] }),
} as unknown as SessionPool;

let client: Client;

beforeAll(async () => {
  const server = createMcpServer('fuzz', pool, {} as HeadlessSettings);
  const [a, b] = InMemoryTransport.createLinkedPair();
  await server.connect(a);
  client = new Client({ name: 'fuzz', version: '1.0.0' });
  await client.connect(b);
});

afterAll(async () => {
  await client.close();
});

/** Arguments an MCP client could send: any JSON object, with the tools' own argument names among the keys. */
const keys = [...new Set(MCP_TOOLS.flatMap((t) => Object.keys(t.schema.shape)))];
const args = fc.dictionary(
  fc.oneof(fc.constantFrom(...keys, '__proto__', 'constructor'), fc.string({ maxLength: 20 })),
  fc.jsonValue({ maxDepth: 4 }),
  {
    maxKeys: 6,
  },
);

describe("the MCP tools' arguments, with generated inputs", () => {
  it('every tool answers any arguments with a result or an error that says what is wrong, and the server goes on', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...MCP_TOOLS.map((t) => t.name)), args, async (name, input) => {
        try {
          const result = await client.callTool({ name, arguments: input });
          const text = (result.content as Array<{ type: string; text?: string }>).map((c) => c.text ?? '').join('');
          expect(result.isError).toBe(true);
          expect(text.length).toBeGreaterThan(5);
        } catch (err) {
          expect((err as Error).message.length).toBeGreaterThan(5);
        }
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      { ...FUZZ, numRuns: Math.min(FUZZ.numRuns, 200) },
    );
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(MCP_TOOLS.map((t) => t.name));
  });
});
