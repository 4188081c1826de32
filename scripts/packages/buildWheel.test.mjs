import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildWheel, isWheelPayload } from './buildWheel.mjs';
import { recordHash } from './distInfo.mjs';
import { readZip } from './readZip.mjs';

const text = (s) => Buffer.from(s, 'utf8');

const debianCoverage = [
  { path: 'coverage/__init__.py', data: text('version_info = (7, 6, 0)\n') },
  { path: 'coverage/tracer.cpython-313-x86_64-linux-gnu.so', data: text('\x7fELF') },
  { path: 'coverage/__pycache__/__init__.cpython-313.pyc', data: text('pyc') },
  { path: 'coverage/htmlfiles/style.css', data: text('body {}') },
  { path: 'coverage-7.6.0.egg-info/PKG-INFO', data: text('x') },
  { path: 'coverage-7.6.0.egg-info/top_level.txt', data: text('coverage\n') },
];
const metadata = 'Metadata-Version: 2.2\nName: coverage\nVersion: 7.6.0\n';
const entryPoints = '[console_scripts]\ncoverage = coverage.cmdline:main\n';

describe('isWheelPayload', () => {
  it('drops compiled extensions, bytecode and Debian metadata dirs', () => {
    expect(isWheelPayload('coverage/__init__.py')).toBe(true);
    expect(isWheelPayload('coverage/htmlfiles/style.css')).toBe(true);
    expect(isWheelPayload('coverage/tracer.cpython-313-x86_64-linux-gnu.so')).toBe(false);
    expect(isWheelPayload('lib/libfoo.so.1')).toBe(false);
    expect(isWheelPayload('coverage/__pycache__/x.cpython-313.pyc')).toBe(false);
    expect(isWheelPayload('pluggy-1.5.0.dist-info/METADATA')).toBe(false);
    expect(isWheelPayload('coverage-7.6.0.egg-info/PKG-INFO')).toBe(false);
  });
});

describe('buildWheel', () => {
  const wheel = buildWheel({ name: 'coverage', version: '7.6.0', files: debianCoverage, metadata, entryPoints });
  const files = readZip(wheel.data);
  const distInfo = 'coverage-7.6.0.dist-info';

  it('names the wheel py3-none-any and hashes it', () => {
    expect(wheel.fileName).toBe('coverage-7.6.0-py3-none-any.whl');
    expect(wheel.sha256).toBe(createHash('sha256').update(wheel.data).digest('hex'));
    expect(wheel.imports).toEqual(['coverage']);
  });

  it('contains the Python files and data but not the .so, bytecode or egg-info', () => {
    expect([...files.keys()]).toEqual([
      'coverage/__init__.py',
      'coverage/htmlfiles/style.css',
      `${distInfo}/METADATA`,
      `${distInfo}/WHEEL`,
      `${distInfo}/top_level.txt`,
      `${distInfo}/entry_points.txt`,
      `${distInfo}/RECORD`,
    ]);
    expect(wheel.skipped).toEqual([
      'coverage/tracer.cpython-313-x86_64-linux-gnu.so',
      'coverage/__pycache__/__init__.cpython-313.pyc',
      'coverage-7.6.0.egg-info/PKG-INFO',
      'coverage-7.6.0.egg-info/top_level.txt',
    ]);
  });

  it('writes METADATA, WHEEL, top_level.txt and entry points', () => {
    expect(files.get(`${distInfo}/METADATA`)?.toString()).toBe(metadata);
    expect(files.get(`${distInfo}/WHEEL`)?.toString()).toMatch(/^Tag: py3-none-any$/m);
    expect(files.get(`${distInfo}/WHEEL`)?.toString()).toMatch(/^Root-Is-Purelib: true$/m);
    expect(files.get(`${distInfo}/top_level.txt`)?.toString()).toBe('coverage\n');
    expect(files.get(`${distInfo}/entry_points.txt`)?.toString()).toBe(entryPoints);
  });

  it('records the sha256 and size of every other file in RECORD', () => {
    const rows = files.get(`${distInfo}/RECORD`)?.toString().trimEnd().split('\n') ?? [];
    expect(rows).toHaveLength(files.size);
    for (const [path, data] of files) {
      if (path.endsWith('/RECORD')) expect(rows).toContain(`${path},,`);
      else expect(rows).toContain(`${path},${recordHash(data)},${data.length}`);
    }
  });

  it('is reproducible whatever the input order', () => {
    const again = buildWheel({ name: 'coverage', version: '7.6.0', files: [...debianCoverage].reverse(), metadata, entryPoints });
    expect(again.sha256).toBe(wheel.sha256);
  });

  it('spells the distribution as its metadata does, normalized in the file name', () => {
    const pyg = buildWheel({
      name: 'pygments',
      version: '2.18.0',
      files: [{ path: 'pygments/__init__.py', data: text('') }],
      metadata: 'Metadata-Version: 2.1\nName: Pygments\nVersion: 2.18.0\n',
    });
    expect(pyg.name).toBe('Pygments');
    expect(pyg.fileName).toBe('pygments-2.18.0-py3-none-any.whl');
    expect([...readZip(pyg.data).keys()]).toContain('pygments-2.18.0.dist-info/RECORD');
    expect([...readZip(pyg.data).keys()]).not.toContain('pygments-2.18.0.dist-info/entry_points.txt');
  });

  it('refuses a version mismatch and a wheel without Python code', () => {
    expect(() => buildWheel({ name: 'coverage', version: '7.6.1', files: debianCoverage, metadata })).toThrow(/version/);
    expect(() => buildWheel({ name: 'x', version: '1', files: [{ path: 'x/lib.so', data: text('') }] })).toThrow(/no Python modules/);
  });
});
