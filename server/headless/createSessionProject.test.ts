import { describe, expect, it } from 'vitest';
import { createSessionProject, MAX_PROJECT_CHARS } from './createSessionProject.ts';

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

  it('holds at most MAX_PROJECT_CHARS in all, and says how to make room', () => {
    const project = createSessionProject();
    const half = 'x'.repeat(MAX_PROJECT_CHARS / 2);
    expect(project.writeFile('a.txt', half).ok).toBe(true);
    expect(project.writeFile('b.txt', half).ok).toBe(true);
    const refused = project.writeFile('c.txt', 'more');
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('reset_session') });
    expect(project.writeFile('a.txt', 'small').ok).toBe(true); // replacing frees the old content
  });
});
