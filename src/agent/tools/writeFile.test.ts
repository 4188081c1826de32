import { describe, expect, it } from 'vitest';
import { createFakeToolContext } from '../../testing/createFakeToolContext.ts';
import { invokeTool } from './defineTool.ts';
import { writeFileTool, type WriteFileData } from './writeFile.ts';
import { textOf } from '../../project/fileContent.ts';

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
    expect(textOf(files.find((f) => f.path === 'calc.py'))).toBe('def add(a, b):\n    return b + a\n');
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

  it('writes a binary file from base64, kept as bytes, and refuses what is not base64', async () => {
    const ctx = createFakeToolContext({ files: FILES });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    const outcome = await invokeTool(
      writeFileTool,
      { path: 'fixtures/red.png', content: Buffer.from(png).toString('base64'), encoding: 'base64' },
      ctx,
    );
    expect(outcome).toMatchObject({ ok: true, summary: 'Created fixtures/red.png (10 bytes).', data: { bytes: 10, created: true } });
    expect(ctx.project?.files().find((f) => f.path === 'fixtures/red.png')).toEqual({ path: 'fixtures/red.png', bytes: png });
    const bad = await invokeTool(writeFileTool, { path: 'x.bin', content: 'not base64!', encoding: 'base64' }, ctx);
    expect(bad).toMatchObject({ ok: false, summary: expect.stringContaining('The content is not base64') });
  });
});
