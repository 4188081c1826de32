import { describe, expect, it } from 'vitest';
import { createFakeToolContext } from '../../testing/createFakeToolContext.ts';
import { invokeTool } from './defineTool.ts';
import { listFilesTool, type ListFilesData } from './listFiles.ts';

const FILES = [
  { path: 'main.py', content: 'print("hi")\n' },
  { path: 'calc.py', content: 'def add(a, b):\n    return a + b\n' },
  { path: 'tests/test_calc.py', content: 'from calc import add\n\ndef test_add():\n    assert add(1, 2) == 3' },
];

describe('list_files', () => {
  it("lists the project's files with line counts and the open one", async () => {
    const ctx = createFakeToolContext({ files: FILES, active: 'calc.py' });
    const outcome = await invokeTool(listFilesTool, {}, ctx);
    expect(outcome.ok).toBe(true);
    expect(outcome.summary).toBe('3 files: calc.py, main.py, tests/test_calc.py.');
    expect(outcome.data as ListFilesData).toEqual({
      files: [
        { path: 'calc.py', lines: 2, chars: FILES[1]?.content.length },
        { path: 'main.py', lines: 1, chars: FILES[0]?.content.length },
        { path: 'tests/test_calc.py', lines: 4, chars: FILES[2]?.content.length },
      ],
      active: 'calc.py',
      more: 0,
    });
    const under = await invokeTool(listFilesTool, { under: 'tests/' }, ctx);
    expect((under.data as ListFilesData).files.map((f) => f.path)).toEqual(['tests/test_calc.py']);
  });

  it('fails plainly where there is no project', async () => {
    const outcome = await invokeTool(listFilesTool, {}, createFakeToolContext({ files: null }));
    expect(outcome).toMatchObject({ ok: false, summary: 'There is no project here.' });
  });
});
