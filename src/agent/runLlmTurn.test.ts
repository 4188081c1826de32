import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFakeAzureOpenAI, type FakeAzureOpenAI } from '../../server/testing/fakeAzureOpenAI.ts';
import type { Engine } from '../engine/createEngine.ts';
import { makeResult } from '../testing/makeResult.ts';
import { runLlmTurn } from './runLlmTurn.ts';
import { createToolbox } from './tools/createToolbox.ts';
import type { AgentEvent, ToolContext } from './types.ts';

let fake: FakeAzureOpenAI;
let client: OpenAI;
beforeAll(async () => {
  fake = await startFakeAzureOpenAI({ apiKey: 'k', deployments: ['gpt-test'] });
  client = new OpenAI({ baseURL: `${fake.endpoint}/openai/v1`, apiKey: 'k', maxRetries: 0 });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

function context() {
  const execute = vi.fn(async (code: string) => makeResult({ stdout: code.includes('6 * 7') ? '42\n' : '', output: [{ stream: 'stdout', text: '42\n' }] }));
  const engine = { execute, handleError: vi.fn(async () => null), analyzeDependencies: vi.fn(async () => []), install: vi.fn(), validateCode: vi.fn() } as unknown as Engine;
  const ctx: ToolContext = {
    engine,
    runOptions: () => ({ timeoutMs: 5000 }),
    lastResult: () => null,
    recordResult: () => undefined,
    recordTestResult: () => undefined,
    recordInstall: () => undefined,
    editorCode: () => '',
    project: null,
    testOptions: () => ({ pytestArgs: [], coverageThreshold: 80 }),
  };
  return { ctx, execute, tools: createToolbox(ctx) };
}

describe('runLlmTurn (against the fake Azure OpenAI, streaming)', () => {
  it('streams text, runs the tool the model calls through the engine and feeds the result back', async () => {
    fake.enqueue(
      { kind: 'completion', content: 'Let me run it.', toolCalls: [{ id: 'call_a', name: 'execute_code', arguments: '{"code":"print(6 * 7)"}' }] },
      { kind: 'completion', content: 'It printed 42.' },
    );
    const { ctx, execute, tools } = context();
    const events: AgentEvent[] = [];
    const history: ChatCompletionMessageParam[] = [{ role: 'system', content: 's' }, { role: 'user', content: 'run 6*7' }];
    const text = await runLlmTurn({ client, model: 'gpt-test', history, tools, ctx, onEvent: (e) => events.push(e) });
    expect(text).toBe('It printed 42.');
    expect(execute).toHaveBeenCalledWith('print(6 * 7)', { timeoutMs: 5000 });
    expect(events.filter((e) => e.type === 'text').map((e) => (e as { delta: string }).delta).join('')).toBe('Let me run it.It printed 42.');
    expect(events.find((e) => e.type === 'tool-end')).toMatchObject({ name: 'execute_code', outcome: { ok: true } });
    const second = fake.requests[1]?.body as { messages: Array<{ role: string; content: string; tool_call_id?: string }> };
    expect(second.messages.at(-1)).toMatchObject({ role: 'tool', tool_call_id: 'call_a' });
    expect(second.messages.at(-1)?.content).toContain('42');
  });

  it('reports bad arguments and unknown tools to the model instead of throwing', async () => {
    fake.enqueue(
      { kind: 'completion', toolCalls: [{ id: 'c1', name: 'execute_code', arguments: '{"code":""}' }, { id: 'c2', name: 'rm_rf', arguments: '{}' }] },
      { kind: 'completion', content: 'Sorry.' },
    );
    const { ctx, execute, tools } = context();
    const events: AgentEvent[] = [];
    await runLlmTurn({ client, model: 'gpt-test', history: [{ role: 'user', content: 'x' }], tools, ctx, onEvent: (e) => events.push(e) });
    expect(execute).not.toHaveBeenCalled();
    const ends = events.filter((e) => e.type === 'tool-end') as Array<Extract<AgentEvent, { type: 'tool-end' }>>;
    expect(ends.map((e) => e.outcome.summary)).toEqual(['Bad arguments for execute_code: code: code is empty', 'There is no tool named rm_rf.']);
  });

  it('stops at the step limit with a note, leaving a valid conversation', async () => {
    fake.defaultReply = { kind: 'completion', toolCalls: [{ name: 'create_demo', arguments: '{"topic":"fibonacci"}' }] };
    const { ctx, tools } = context();
    const history: ChatCompletionMessageParam[] = [{ role: 'user', content: 'loop' }];
    const text = await runLlmTurn({ client, model: 'gpt-test', history, tools, ctx, onEvent: () => undefined, maxSteps: 2 });
    expect(text).toContain('Stopped after 2 steps');
    expect(fake.requests).toHaveLength(2);
    expect(history.at(-1)).toMatchObject({ role: 'assistant' });
  });
});

describe('runLlmTurn when stopped', () => {
  it('rejects (not a quiet, partial "done") when aborted while streaming', async () => {
    fake.enqueue({ kind: 'completion', content: 'a slow answer that goes on and on', chunks: 30, chunkDelayMs: 50 });
    const { ctx, tools } = context();
    const controller = new AbortController();
    const history: ChatCompletionMessageParam[] = [{ role: 'user', content: 'x' }];
    const turn = runLlmTurn({ client, model: 'gpt-test', history, tools, ctx, signal: controller.signal, onEvent: (e) => e.type === 'text' && controller.abort() });
    await expect(turn).rejects.toThrow();
    expect(history).toHaveLength(1);
  });
});
