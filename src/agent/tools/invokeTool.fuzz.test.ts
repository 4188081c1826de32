import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { FUZZ } from '../../protocol/fuzzSettings.ts';
import { arbitraryFromZod } from '../../testing/arbitraryFromZod.ts';
import { createFakeToolContext } from '../../testing/createFakeToolContext.ts';
import { makeResult } from '../../testing/makeResult.ts';
import { makeTestResult } from '../../testing/makeTestResult.ts';
import { createToolbox } from './createToolbox.ts';
import { invokeTool } from './defineTool.ts';

/** Every tool of the chat agent, over an engine whose every call answers at once. */
function toolbox() {
  const ctx = createFakeToolContext({
    engine: {
      execute: vi.fn(async () => makeResult()),
      runTests: vi.fn(async () => makeTestResult()),
      validateCode: vi.fn(async () => ({ valid: true, issues: [], suggestions: [] }) as never),
      profileCode: vi.fn(async () => ({ result: makeResult() }) as never),
      executeBatch: vi.fn(async () => ({ results: [], stopped: false }) as never),
      install: vi.fn(async () => ({ installed: [], failed: [], requested: [] }) as never),
    },
    files: [{ path: 'main.py', content: 'print(1)' }],
  });
  return { ctx, tools: createToolbox(ctx) };
}

describe("the chat agent's tools, given whatever a model sends", () => {
  const { ctx, tools } = toolbox();

  it.each(tools.map((t) => [t.name, t] as const))(
    '%s: any arguments get an outcome (bad ones say what is wrong), never an exception',
    async (_name, tool) => {
      const raw = fc.oneof(
        fc.string({ maxLength: 200 }),
        fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
        fc.anything({ maxDepth: 3, withNullPrototype: true }),
        arbitraryFromZod(tool.schema),
      );
      await fc.assert(
        fc.asyncProperty(raw, async (args) => {
          const outcome = await invokeTool(tool, args, ctx);
          expect(typeof outcome.ok).toBe('boolean');
          expect(outcome.summary.length).toBeGreaterThan(0);
          let value: unknown = args;
          if (typeof args === 'string') {
            try {
              value = args.trim() === '' ? {} : JSON.parse(args);
            } catch {
              expect(outcome).toMatchObject({ ok: false, summary: `The arguments for ${tool.name} are not valid JSON.` });
              return;
            }
          }
          if (!tool.schema.safeParse(value).success) expect(outcome.summary).toMatch(new RegExp(`^Bad arguments for ${tool.name}: `));
          expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
        }),
        { ...FUZZ, numRuns: Math.min(FUZZ.numRuns, 50) },
      );
    },
  );
});
