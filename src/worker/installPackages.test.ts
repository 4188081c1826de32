import { beforeAll, describe, expect, it } from 'vitest';
import { loadTestRuntime } from '../testing/loadTestRuntime.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import { ensureSessionPackages, installPackages, specParts } from './installPackages.ts';

let rt: PythonRuntime;

beforeAll(async () => {
  rt = await loadTestRuntime({ packageIndex: true });
}, 120_000);

describe('installPackages (real Pyodide in Node, the self-hosted index)', () => {
  it('says for each package asked for what a session keeps of it: name, version, source, the spec to ask again', async () => {
    const report = await installPackages(rt, ['six'], undefined, null, () => undefined);
    expect(report.failed).toEqual([]);
    expect(report.requested).toEqual([{ spec: 'six', name: 'six', version: '1.17.0', source: 'index' }]);
  });

  it('installs in a new interpreter what it lacks of the session, says so in one line, and tries a failure only once', async () => {
    const lines: string[] = [];
    const notify = (line: string) => lines.push(line);
    await ensureSessionPackages(rt, ['six', 'toolz', 'not-a-real-package'], undefined, null, notify);
    expect(lines[0]).toBe("Restored this session's packages: toolz 1.0.0.");
    expect(lines[1]).toMatch(/^A package of this session could not be restored: not-a-real-package is not in Executor's package index/);
    expect(lines).toHaveLength(2);
    expect(rt.pyodide.runPython('import toolz; toolz.__version__')).toBe('1.0.0');
    await ensureSessionPackages(rt, ['six', 'toolz', 'not-a-real-package'], undefined, null, notify);
    expect(lines).toHaveLength(2);
  });

  it('reads names, pins and wheel URLs', () => {
    expect(specParts('humanize==4.9.0')).toEqual({ name: 'humanize', version: '4.9.0' });
    expect(specParts('https://cdn.example/cdn_demo-1.0-py3-none-any.whl')).toEqual({ name: 'cdn_demo', version: '1.0' });
    expect(specParts('sympy')).toEqual({ name: 'sympy', version: '' });
  });
});
