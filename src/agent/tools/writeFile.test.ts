import { describe, expect, it } from 'vitest';
import { createFakeToolContext } from '../../testing/createFakeToolContext.ts';
import { invokeTool } from './defineTool.ts';
import { writeFileTool, type WriteFileData } from './writeFile.ts';

const FILES = [
  { path: 'main.py', content: 'print("hi")\n' },
  { path: 'calc.py', content: 'def add(a, b):\n    return a + b\n' },
  { path: 'tests/test_calc.py', content: 'from calc import add\n\ndef test_add():\n    assert add(1, 2) == 3' },
];

describe('write_file', () => {
  it('creates a file, then replaces it; the project sees both', async () => {
    const ctx = createFakeToolContext({ files: FILES });
    const created = await invokeTool(
      writeFileTool,
      { path: 'tests/test_power.py', content: 'def test_p():\n    assert 2 ** 3 == 8\n' },
      ctx,
    );
    expect(created).toMatchObject({ ok: true, summary: 'Created tests/test_power.py (2 lines).' });
    expect(created.data as WriteFileData).toEqual({ path: 'tests/test_power.py', created: true, lines: 2, chars: 37 });
    const updated = await invokeTool(writeFileTool, { path: 'calc.py', content: 'def add(a, b):\n    return b + a\n' }, ctx);
    expect(updated).toMatchObject({ ok: true, summary: 'Updated calc.py (2 lines).' });
    const files = ctx.project?.files() ?? [];
    expect(files.map((f) => f.path)).toEqual(['calc.py', 'main.py', 'tests/test_calc.py', 'tests/test_power.py']);
    expect(files.find((f) => f.path === 'calc.py')?.content).toBe('def add(a, b):\n    return b + a\n');
  });

  it("refuses '..' and absolute paths with a message that says what to send instead, and writes nothing", async () => {
    const ctx = createFakeToolContext({ files: FILES });
    for (const path of [
      '../evil.py',
      'tests/../../evil.py',
      '/etc/passwd',
      '\\\\server\\share\\x.py',
      'C:\\evil.py',
      '~/x.py',
      'file:///etc/passwd',
    ]) {
      const outcome = await invokeTool(writeFileTool, { path, content: 'x' }, ctx);
      expect(outcome.ok, path).toBe(false);
      expect(outcome.summary, path).toMatch(/^Refused: .*(absolute path|may not leave the project)/);
      expect(outcome.summary, path).toMatch(/relative/);
    }
    expect(ctx.project?.files()).toEqual(createFakeToolContext({ files: FILES }).project?.files());
  });

  it('refuses names a file cannot have and a file that would clash with a folder', async () => {
    const ctx = createFakeToolContext({ files: FILES });
    const bad = await invokeTool(writeFileTool, { path: 'a|b.py', content: '' }, ctx);
    expect(bad.summary).toContain('contains a character file names cannot have');
    const clash = await invokeTool(writeFileTool, { path: 'tests', content: '' }, ctx);
    expect(clash.summary).toContain('would clash with tests/test_calc.py');
  });
});
