import { describe, expect, it, vi } from 'vitest';
import type { Engine } from '../engine/engine.ts';
import type { TestRunOptions } from '../engine/engine.ts';
import { makeTestResult } from '../testing/makeTestResult.ts';
import { ExecutorAgent } from './ExecutorAgent.ts';
import { createMemoryProject } from './projectAccess.ts';

const FILES = [
  { path: 'calculator.py', content: 'def add(a, b):\n    return a + b\n' },
  { path: 'test_calculator.py', content: 'from calculator import add\n\ndef test_add():\n    assert add(1, 2) == 3\n' },
];

function engineWithTests() {
  const result = makeTestResult();
  const runTests = vi.fn(async (_o: TestRunOptions) => result);
  return { engine: { runTests } as unknown as Engine, runTests, result };
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
