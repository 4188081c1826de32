import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFakeAzureOpenAI, type FakeAzureOpenAI } from '../../server/testing/fakeAzureOpenAI.ts';
import type { Engine } from '../engine/engine.ts';
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
  const execute = vi.fn(async (code: string) =>
    makeResult({ stdout: code.includes('6 * 7') ? '42\n' : '', output: [{ stream: 'stdout', text: '42\n' }] }),
  );
  const engine = {
    execute,
    handleError: vi.fn(async () => null),
    analyzeDependencies: vi.fn(async () => []),
    install: vi.fn(),
    validateCode: vi.fn(),
  } as unknown as Engine;
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
      {
        kind: 'completion',
        content: 'Let me run it.',
        toolCalls: [{ id: 'call_a', name: 'execute_code', arguments: '{"code":"print(6 * 7)"}' }],
      },
      { kind: 'completion', content: 'It printed 42.' },
    );
    const { ctx, execute, tools } = context();
    const events: AgentEvent[] = [];
    const history: ChatCompletionMessageParam[] = [
      { role: 'system', content: 's' },
      { role: 'user', content: 'run 6*7' },
    ];
    const text = await runLlmTurn({ client, model: 'gpt-test', history, tools, ctx, onEvent: (e) => events.push(e) });
    expect(text).toBe('It printed 42.');
    expect(execute).toHaveBeenCalledWith('print(6 * 7)', { timeoutMs: 5000 });
    expect(
      events
        .filter((e) => e.type === 'text')
        .map((e) => (e as { delta: string }).delta)
        .join(''),
    ).toBe('Let me run it.It printed 42.');
    expect(events.find((e) => e.type === 'tool-end')).toMatchObject({ name: 'execute_code', outcome: { ok: true } });
    const second = fake.requests[1]?.body as { messages: Array<{ role: string; content: string; tool_call_id?: string }> };
    expect(second.messages.at(-1)).toMatchObject({ role: 'tool', tool_call_id: 'call_a' });
    expect(second.messages.at(-1)?.content).toContain('42');
  });

  it('reports bad arguments and unknown tools to the model instead of throwing', async () => {
    fake.enqueue(
      {
        kind: 'completion',
        toolCalls: [
          { id: 'c1', name: 'execute_code', arguments: '{"code":""}' },
          { id: 'c2', name: 'rm_rf', arguments: '{}' },
        ],
      },
      { kind: 'completion', content: 'Sorry.' },
    );
    const { ctx, execute, tools } = context();
    const events: AgentEvent[] = [];
    await runLlmTurn({ client, model: 'gpt-test', history: [{ role: 'user', content: 'x' }], tools, ctx, onEvent: (e) => events.push(e) });
    expect(execute).not.toHaveBeenCalled();
    const ends = events.filter((e): e is Extract<AgentEvent, { type: 'tool-end' }> => e.type === 'tool-end');
    expect(ends.map((e) => e.outcome.summary)).toEqual([
      'Bad arguments for execute_code: code: code is empty',
      'There is no tool named rm_rf.',
    ]);
  });

  it('follows a 3-step plan: analyze_dependencies, install_packages, then execute_code, each result fed back', async () => {
    fake.enqueue(
      { kind: 'completion', toolCalls: [{ id: 's1', name: 'analyze_dependencies', arguments: JSON.stringify({ code: 'import pytest' }) }] },
      { kind: 'completion', toolCalls: [{ id: 's2', name: 'install_packages', arguments: JSON.stringify({ packages: ['pytest'] }) }] },
      {
        kind: 'completion',
        toolCalls: [{ id: 's3', name: 'execute_code', arguments: JSON.stringify({ code: 'import pytest\nprint(6 * 7)' }) }],
      },
      { kind: 'completion', content: 'Installed pytest and ran it: 42.' },
    );
    const { ctx, tools } = context();
    (ctx.engine.analyzeDependencies as ReturnType<typeof vi.fn>).mockResolvedValue([
      { module: 'pytest', verdict: 'available', package: 'pytest', source: 'self-hosted' },
    ]);
    (ctx.engine.install as ReturnType<typeof vi.fn>).mockResolvedValue({ installed: [{ name: 'pytest', version: '8.3.5' }], failed: [] });
    const events: AgentEvent[] = [];
    const text = await runLlmTurn({
      client,
      model: 'gpt-test',
      history: [{ role: 'user', content: 'set up and run' }],
      tools,
      ctx,
      onEvent: (e) => events.push(e),
    });
    expect(text).toBe('Installed pytest and ran it: 42.');
    const ends = events.filter((e): e is Extract<AgentEvent, { type: 'tool-end' }> => e.type === 'tool-end');
    expect(ends.map((e) => [e.name, e.outcome.ok])).toEqual([
      ['analyze_dependencies', true],
      ['install_packages', true],
      ['execute_code', true],
    ]);
    const fed = fake.requests
      .slice(1)
      .map((r) => (r.body as { messages: Array<{ role: string; content: string }> }).messages.at(-1)?.content ?? '');
    expect(fed[0]).toContain('installable: pytest');
    expect(fed[1]).toContain('Installed pytest 8.3.5');
    expect(fed[2]).toContain('42');
  });

  it('after a failure the model asks handle_error, then runs the fixed code', async () => {
    fake.enqueue(
      {
        kind: 'completion',
        toolCalls: [{ id: 'f1', name: 'execute_code', arguments: JSON.stringify({ code: 'total = 3\nprint(totl)' }) }],
      },
      { kind: 'completion', toolCalls: [{ id: 'f2', name: 'handle_error', arguments: '{}' }] },
      {
        kind: 'completion',
        toolCalls: [{ id: 'f3', name: 'execute_code', arguments: JSON.stringify({ code: 'total = 3\nprint(total)' }) }],
      },
      { kind: 'completion', content: 'Fixed the typo; it prints 3.' },
    );
    const { ctx, execute, tools } = context();
    let last: ReturnType<typeof makeResult> | null = null;
    ctx.recordResult = (r) => void (last = r);
    ctx.lastResult = () => last;
    const failure = makeResult({
      success: false,
      status: 'error',
      error: { type: 'NameError', message: "name 'totl' is not defined", traceback: "NameError: name 'totl' is not defined", line: 2 },
    });
    execute.mockImplementation(async (code: string) => (code.includes('totl') ? failure : makeResult({ stdout: '3\n' })));
    (ctx.engine.handleError as ReturnType<typeof vi.fn>).mockResolvedValue({
      errorType: 'NameError',
      summary: '`totl` is not defined.',
      snippet: null,
      line: 2,
      suggestions: [{ title: 'Did you mean `total`?', detail: '' }],
      actions: [],
    });
    const events: AgentEvent[] = [];
    const text = await runLlmTurn({
      client,
      model: 'gpt-test',
      history: [{ role: 'user', content: 'run it' }],
      tools,
      ctx,
      onEvent: (e) => events.push(e),
    });
    expect(text).toBe('Fixed the typo; it prints 3.');
    const ends = events.filter((e): e is Extract<AgentEvent, { type: 'tool-end' }> => e.type === 'tool-end');
    expect(ends.map((e) => [e.name, e.outcome.ok])).toEqual([
      ['execute_code', false],
      ['handle_error', true],
      ['execute_code', true],
    ]);
    expect(ctx.engine.handleError).toHaveBeenCalledWith(failure, expect.anything());
  });

  it('sends the model bounded tool results, however much a program printed', async () => {
    fake.enqueue(
      { kind: 'completion', toolCalls: [{ id: 'b1', name: 'execute_code', arguments: '{"code":"print(\'x\' * 10**6)"}' }] },
      { kind: 'completion', content: 'Long.' },
    );
    const { ctx, execute, tools } = context();
    execute.mockResolvedValue(makeResult({ stdout: 'x'.repeat(1_000_000) }));
    await runLlmTurn({ client, model: 'gpt-test', history: [{ role: 'user', content: 'x' }], tools, ctx, onEvent: () => undefined });
    const fed = (fake.requests[1]?.body as { messages: Array<{ content: string }> }).messages.at(-1)?.content ?? '';
    expect(fed.length).toBeLessThanOrEqual(12_000);
    expect(fed).toContain('characters left out');
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
    const turn = runLlmTurn({
      client,
      model: 'gpt-test',
      history,
      tools,
      ctx,
      signal: controller.signal,
      onEvent: (e) => e.type === 'text' && controller.abort(),
    });
    await expect(turn).rejects.toThrow();
    expect(history).toHaveLength(1);
  });
});
