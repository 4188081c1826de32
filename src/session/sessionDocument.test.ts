import { describe, expect, it } from 'vitest';
import { PYODIDE_VERSION } from '../protocol/paths.ts';
import { DEFAULT_SETTINGS } from '../config/settings.ts';
import {
  checkSessionDocument,
  documentFiles,
  readSessionText,
  sessionDocumentText,
  toSessionDocument,
  type SessionDocument,
} from './sessionDocument.ts';
import { MAX_SESSION_FILES } from './sessionLimits.ts';
import { sharedPathProblem } from './sharedPathProblem.ts';

const doc = (): SessionDocument =>
  toSessionDocument({
    name: 'Two files',
    files: [
      { path: 'main.py', content: 'from util import twice\nprint(twice(21))\n' },
      { path: 'pkg/util.py', content: 'def twice(n):\n    return 2 * n  # ünïcode ✓\n' },
    ],
    activePath: 'main.py',
    settings: { ...DEFAULT_SETTINGS, timeoutSeconds: 5, allowedModules: ['numpy', 'math'] },
    packages: { autoLoad: false, load: ['numpy'] },
  });

/** The problem reported for `doc` changed by `change` (a deep copy is changed). */
function problemWith(change: (d: Record<string, unknown>) => void): string {
  const d = structuredClone(doc()) as unknown as Record<string, unknown>;
  change(d);
  const check = checkSessionDocument(d);
  if (check.ok) throw new Error('expected the document to be refused');
  return check.problem;
}

const files = (d: Record<string, unknown>) => d.files as Array<Record<string, unknown>>;

describe('session document', () => {
  it('is stamped with its format, version and the Pyodide version', () => {
    expect(doc()).toMatchObject({ format: 'executor-session', version: 1, pyodide: PYODIDE_VERSION, name: 'Two files' });
  });

  it('round-trips through a session file unchanged', () => {
    const original = doc();
    expect(readSessionText(sessionDocumentText(original))).toEqual({ ok: true, doc: original });
  });

  it('refuses text that is not JSON, or JSON that is not an object', () => {
    expect(readSessionText('{"format": "executor-ses')).toEqual({ ok: false, problem: expect.stringMatching(/not JSON/) });
    expect(readSessionText('[1, 2]')).toEqual({ ok: false, problem: expect.stringMatching(/not an Executor session/) });
    expect(readSessionText('null')).toEqual({ ok: false, problem: expect.stringMatching(/not an Executor session/) });
  });

  it('refuses another format, a missing format and unknown versions', () => {
    expect(problemWith((d) => (d.format = 'jupyter'))).toMatch(/"format" is "jupyter", expected "executor-session"/);
    expect(problemWith((d) => delete d.format)).toMatch(/"format" is missing/);
    expect(problemWith((d) => (d.version = 2))).toMatch(/newer Executor \(session version 2; this page reads version 1\)/);
    expect(problemWith((d) => (d.version = 0))).toMatch(/version \(0\) is not one Executor knows/);
    expect(problemWith((d) => (d.version = '1'))).toMatch(/version \("1"\) is not one Executor knows/);
  });

  it('refuses wrong types inside, naming the field', () => {
    expect(problemWith((d) => (files(d)[1]!.content = 42))).toBe('"files[1].content" should be a string');
    expect(problemWith((d) => ((d.settings as Record<string, unknown>).sandboxMode = 'yes'))).toBe(
      '"settings.sandboxMode" should be a boolean',
    );
    expect(problemWith((d) => (d.files = 'main.py'))).toBe('"files" should be an array');
    expect(problemWith((d) => delete d.settings)).toBe('"settings" is missing');
    expect(problemWith((d) => ((d.packages as Record<string, unknown>).load = [1]))).toBe('"packages.load[0]" should be a string');
  });

  it('refuses fields it does not know (strict)', () => {
    expect(problemWith((d) => (d.run = true))).toBe('it has a field Executor does not know ("run")');
    expect(problemWith((d) => (files(d)[0]!.mode = 'exec'))).toBe('"files[0]" has a field Executor does not know ("mode")');
  });

  it('refuses ".." and absolute paths, backslashes and empty parts', () => {
    expect(problemWith((d) => (files(d)[1]!.path = '../escape.py'))).toBe('the file "../escape.py" has ".." in its path');
    expect(problemWith((d) => (files(d)[1]!.path = 'pkg/../../x.py'))).toBe('the file "pkg/../../x.py" has ".." in its path');
    expect(problemWith((d) => (files(d)[1]!.path = '/etc/passwd'))).toBe('the file "/etc/passwd" has an absolute path');
    expect(problemWith((d) => (files(d)[1]!.path = 'C:/x.py'))).toBe('the file "C:/x.py" has an absolute path');
    expect(problemWith((d) => (files(d)[1]!.path = 'pkg\\util.py'))).toBe('the file "pkg\\util.py" has a backslash in its path');
    expect(problemWith((d) => (files(d)[1]!.path = 'pkg//util.py'))).toMatch(/empty or "." part/);
    expect(problemWith((d) => (files(d)[1]!.path = ''))).toBe('a file has an empty path');
  });

  it('refuses duplicate paths, a file that is also a folder and an open file that is not there', () => {
    expect(problemWith((d) => (files(d)[1]!.path = 'main.py'))).toBe('the file "main.py" appears twice');
    expect(problemWith((d) => files(d).push({ path: 'pkg', content: '' }))).toBe('"pkg/util.py" is inside "pkg", which is also a file');
    expect(problemWith((d) => (d.activePath = 'gone.py'))).toBe('its open file "gone.py" is not one of its files');
  });

  it('refuses huge file counts (the caps on sizes: sessionDocument.caps.test.ts)', () => {
    const many = Array.from({ length: MAX_SESSION_FILES + 1 }, (_, i) => ({ path: `f${i}.py`, content: '' }));
    expect(problemWith((d) => (d.files = many))).toBe(`it holds ${MAX_SESSION_FILES + 1} files; at most ${MAX_SESSION_FILES} are allowed`);
    expect(problemWith((d) => (d.files = []))).toBe('it holds no file');
  });

  it('carries binary files as base64, and gives them back as bytes', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    const withImage = toSessionDocument({
      ...doc(),
      files: [
        { path: 'main.py', content: '' },
        { path: 'plot.png', bytes: png },
      ],
    });
    expect(withImage.files[1]).toEqual({ path: 'plot.png', base64: 'iVBORwD/' });
    const read = readSessionText(sessionDocumentText(withImage));
    expect(read.ok && documentFiles(read.doc)).toEqual([
      { path: 'main.py', content: '' },
      { path: 'plot.png', bytes: png },
    ]);
    expect(problemWith((d) => files(d).push({ path: 'x.bin', base64: 'not base64!' }))).toBe('a binary file is not base64');
  });

  it('refuses settings out of range with the settings message', () => {
    expect(problemWith((d) => ((d.settings as Record<string, unknown>).timeoutSeconds = -1))).toMatch(
      /^its settings are not valid: Timeout must be between/,
    );
    expect(problemWith((d) => ((d.settings as Record<string, unknown>).allowedModules = ['os; rm']))).toMatch(
      /^its settings are not valid: Allowed modules: "os; rm"/,
    );
  });

  it('refuses a bad name, Pyodide version and package names', () => {
    expect(problemWith((d) => (d.name = '   '))).toBe('the session has no name');
    expect(problemWith((d) => (d.pyodide = '<script>'))).toBe('the Pyodide version is not a version number');
    expect(problemWith((d) => ((d.packages as Record<string, unknown>).load = ['numpy; rm -rf']))).toBe(
      'a package name is not a package name',
    );
  });
});

describe('shared paths', () => {
  it('accepts ordinary project paths', () => {
    for (const path of ['main.py', 'tests/test_calc.py', 'a/b/c/data.json', '.hidden.py']) expect(sharedPathProblem(path)).toBeNull();
  });
});
