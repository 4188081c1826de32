import { describe, expect, it } from 'vitest';
import { createFakeToolContext } from '../../testing/createFakeToolContext.ts';
import { invokeTool } from './defineTool.ts';
import { MAX_READ_CHARS, readFileTool, type ReadFileData } from './readFile.ts';

const FILES = [
  { path: 'main.py', content: 'print("hi")\n' },
  { path: 'calc.py', content: 'def add(a, b):\n    return a + b\n' },
  { path: 'tests/test_calc.py', content: 'from calc import add\n\ndef test_add():\n    assert add(1, 2) == 3' },
];

describe('read_file', () => {
  it("returns a file's content", async () => {
    const ctx = createFakeToolContext({ files: FILES });
    const outcome = await invokeTool(readFileTool, { path: './tests/test_calc.py' }, ctx);
    expect(outcome).toMatchObject({ ok: true, summary: 'tests/test_calc.py: 4 lines.' });
    expect(outcome.data as ReadFileData).toEqual({
      path: 'tests/test_calc.py',
      content: FILES[2]?.content,
      lines: 4,
      chars: FILES[2]?.content.length,
      clipped: false,
    });
  });

  it('names the files for one that does not exist, refuses paths outside the project, and clips long files', async () => {
    const long = 'x = 1\n'.repeat(5000);
    const ctx = createFakeToolContext({ files: [...FILES, { path: 'big.py', content: long }] });
    const missing = await invokeTool(readFileTool, { path: 'nope.py' }, ctx);
    expect(missing).toMatchObject({
      ok: false,
      summary: 'nope.py is not in the project. Its files: big.py, calc.py, main.py, tests/test_calc.py.',
    });
    const outside = await invokeTool(readFileTool, { path: '../../etc/passwd' }, ctx);
    expect(outside.ok).toBe(false);
    expect(outside.summary).toContain('may not leave the project');
    const big = await invokeTool(readFileTool, { path: 'big.py' }, ctx);
    const data = big.data as Extract<ReadFileData, { content: string }>;
    expect(data.clipped).toBe(true);
    expect(data.chars).toBe(long.length);
    expect(data.content.length).toBeLessThan(MAX_READ_CHARS + 100);
    expect(data.content).toContain('characters left out');
  });
});
