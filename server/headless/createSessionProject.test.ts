import { describe, expect, it } from 'vitest';
import { createSessionProject } from './createSessionProject.ts';
import { MAX_FILE_BYTES, MAX_PROJECT_BYTES } from '../../src/protocol/testProtocol.ts';

describe('createSessionProject', () => {
  it('writes, replaces and clears files; refuses paths that leave the folder', () => {
    const project = createSessionProject();
    expect(project.writeFile('pkg/a.py', 'a = 1')).toEqual({ ok: true, path: 'pkg/a.py', created: true });
    expect(project.writeFile('pkg/a.py', 'a = 2')).toMatchObject({ ok: true, created: false });
    expect(project.writeFile('../b.py', '')).toMatchObject({ ok: false, error: expect.stringContaining('..') });
    expect(project.files()).toEqual([{ path: 'pkg/a.py', content: 'a = 2' }]);
    expect(project.clear()).toBe(1);
    expect(project.files()).toEqual([]);
  });

  it('holds at most 200 MB in all, and says how to make room', () => {
    const project = createSessionProject();
    for (let i = 0; i < MAX_PROJECT_BYTES / MAX_FILE_BYTES; i++)
      expect(project.writeFile(`${i}.bin`, new Uint8Array(MAX_FILE_BYTES)).ok).toBe(true);
    const refused = project.writeFile('c.txt', 'more');
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('200.0 MB') });
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('reset_session') });
    expect(project.writeFile('0.bin', 'small').ok).toBe(true); // replacing frees the old content
  });

  it('takes in what a program wrote and deleted, text as text and bytes as bytes', () => {
    const project = createSessionProject();
    project.writeFile('old.txt', 'bye');
    const refused = project.applyChanges({
      written: [
        { path: 'out.json', bytes: new TextEncoder().encode('{"a": 1}') },
        { path: 'plot.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]) },
      ],
      deleted: ['old.txt'],
      skipped: [],
    });
    expect(refused).toEqual([]);
    expect(project.files()).toEqual([
      { path: 'out.json', content: '{"a": 1}' },
      { path: 'plot.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]) },
    ]);
  });
});
