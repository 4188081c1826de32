import { describe, expect, it, vi } from 'vitest';
import type { Engine } from '../engine/engine.ts';
import type { FileChanges } from '../protocol/testProtocol.ts';
import type { TestRunOptions } from '../engine/engine.ts';
import { makeTestResult } from '../testing/makeTestResult.ts';
import { ExecutorAgent, memoryMB } from './ExecutorAgent.ts';
import { makeResult } from '../testing/makeResult.ts';
import { DEFAULT_RUN_POLICY } from '../engine/defaultPolicy.ts';
import { createMemoryProject } from './projectAccess.ts';

const FILES = [
  { path: 'calculator.py', content: 'def add(a, b):\n    return a + b\n' },
  { path: 'test_calculator.py', content: 'from calculator import add\n\ndef test_add():\n    assert add(1, 2) == 3\n' },
];

function engineWithTests() {
  const result = makeTestResult();
  const runTests = vi.fn(async (_o: TestRunOptions) => result);
  return { engine: { runTests, on: vi.fn() } as unknown as Engine, runTests, result };
}

describe('ExecutorAgent.runTests', () => {
  it("runs pytest on the path with the project's files, the seed's PYTEST_ARGS plus pytestArgs, coverage and the agent's limits", async () => {
    const { engine, runTests, result } = engineWithTests();
    const agent = new ExecutorAgent({ engine, files: FILES, config: { timeout: 12, maxMemory: '1GB', maxOutputLength: 2000 } });
    await expect(agent.runTests('test_calculator.py', { coverage: true, pytestArgs: ['-k', 'add'] })).resolves.toBe(result);
    expect(runTests).toHaveBeenCalledWith({
      files: FILES,
      paths: ['test_calculator.py'],
      args: ['-v', '--tb=short', '-k', 'add'],
      coverage: true,
      threshold: 80,
      timeoutMs: 12_000,
      maxMemoryMB: 1024,
      maxOutputChars: 2000,
    });
    await agent.runTests('', { coverage: false });
    expect(runTests).toHaveBeenLastCalledWith(expect.objectContaining({ paths: [], coverage: false, args: ['-v', '--tb=short'] }));
  });

  it('uses a given project (as the page gives its own) and says what to pass when there are no files', async () => {
    const { engine, runTests } = engineWithTests();
    const project = createMemoryProject(FILES);
    await new ExecutorAgent({ engine, project }).runTests('test_calculator.py');
    expect(runTests.mock.calls[0]?.[0].files).toEqual(FILES);
    await expect(new ExecutorAgent({ engine }).runTests('test_calculator.py')).rejects.toThrow("runTests needs the project's files");
  });
});

describe("ExecutorAgent: the seed's other methods", () => {
  const agentWith = (engine: Partial<Engine>, config = {}) =>
    new ExecutorAgent({ engine: { on: vi.fn(), ...engine } as Engine, files: FILES, config });

  it('needs an engine, and refuses a memory limit it cannot read', () => {
    expect(() => new ExecutorAgent()).toThrow(/needs an engine/);
    expect(() => agentWith({}, { maxMemory: 'lots' })).toThrow('maxMemory must look like "512MB" or "2GB"; got "lots".');
    expect(memoryMB('2GB')).toBe(2048);
    expect(memoryMB(' 256 mb ')).toBe(256);
    expect(memoryMB(100)).toBe(100);
  });

  it('executeCode runs with its limits and safe mode, and handleError advises on the last run', async () => {
    const failed = makeResult({ success: false, status: 'error', error: { type: 'KeyError', message: "'x'", traceback: '', line: 1 } });
    const execute = vi.fn(async () => failed);
    const handleError = vi.fn(async () => null);
    const agent = agentWith({ execute, handleError, policy: DEFAULT_RUN_POLICY }, { timeout: 5, maxMemory: '1GB' });
    expect(await agent.handleError()).toBeNull();
    await agent.executeCode('d["x"]', { timeout: 2, safeMode: false });
    expect(execute).toHaveBeenCalledWith('d["x"]', {
      timeoutMs: 2000,
      maxMemoryMB: 1024,
      maxOutputChars: 10_000,
      files: FILES,
      policy: { ...DEFAULT_RUN_POLICY, sandboxMode: false },
    });
    await agent.handleError();
    expect(handleError).toHaveBeenCalledWith(failed, { timeoutMs: 5000, maxMemoryMB: 1024, maxOutputChars: 10_000, files: FILES });
  });

  it("its own project takes in what runs write (the page's project is the page's to update)", () => {
    const heard: { listener?: (changes: FileChanges) => void } = {};
    const on = vi.fn((event: string, l: (changes: FileChanges) => void) => {
      if (event === 'filesChanged') heard.listener = l;
    });
    const agent = new ExecutorAgent({ engine: { on } as unknown as Engine, files: FILES });
    heard.listener?.({ written: [{ path: 'out.txt', bytes: new TextEncoder().encode('hi') }], deleted: ['calculator.py'], skipped: [] });
    expect(agent.project.files().map((f) => f.path)).toEqual(['out.txt', 'test_calculator.py']);
    const page = createMemoryProject(FILES);
    on.mockClear();
    new ExecutorAgent({ engine: { on } as unknown as Engine, project: page });
    expect(on).not.toHaveBeenCalled();
  });

  it('validateCode asks the engine, and chat answers offline when told to', async () => {
    const validateCode = vi.fn(async () => ({ diagnostics: [], imports: [] }));
    const agent = agentWith(
      {
        validateCode,
        execute: vi.fn(async () => makeResult({ stdout: '42\n', output: [{ stream: 'stdout', text: '42\n' }] })),
        handleError: vi.fn(async () => null),
      },
      { assistant: 'offline' },
    );
    await expect(agent.validateCode('x = 1')).resolves.toEqual({ diagnostics: [], imports: [] });
    const reply = await agent.chat('Execute this code:\n```python\nprint(6 * 7)\n```');
    expect(reply).toContain('42');
    expect(agent.sessionId).toMatch(/^session-/);
  });
});
