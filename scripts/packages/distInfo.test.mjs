import { describe, expect, it } from 'vitest';
import { parseMetadataHeaders, recordHash, topLevelNames, wheelFileText, wheelMetadataText, wheelRecord } from './distInfo.mjs';

const text = (s) => Buffer.from(s, 'utf8');

describe('recordHash', () => {
  it('is sha256 in urlsafe base64 without padding', () => {
    expect(recordHash(text(''))).toBe('sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU');
    expect(recordHash(text('hello'))).toBe('sha256=LPJNul-wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ');
  });
});

describe('wheelRecord', () => {
  it('lists path, hash and size of every file, then itself without hash', () => {
    const record = wheelRecord(
      [
        { path: 'pkg/__init__.py', data: text('hello') },
        { path: 'pkg/a,b.txt', data: text('') },
      ],
      'pkg-1.0.dist-info/RECORD',
    );
    expect(record).toBe(
      'pkg/__init__.py,sha256=LPJNul-wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ,5\n' +
        '"pkg/a,b.txt",sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,0\n' +
        'pkg-1.0.dist-info/RECORD,,\n',
    );
  });
});

describe('wheelFileText', () => {
  it('declares a pure-Python py3-none-any wheel', () => {
    expect(wheelFileText('gen')).toBe('Wheel-Version: 1.0\nGenerator: gen\nRoot-Is-Purelib: true\nTag: py3-none-any\n');
  });
});

describe('topLevelNames', () => {
  it('finds packages, namespace packages and top-level modules', () => {
    expect(
      topLevelNames([
        'pytest/__init__.py',
        '_pytest/_code/code.py',
        'py.py',
        'ns/sub/mod.py',
        'datadir/readme.txt',
        'top.pyi',
        '__pycache__/py.cpython-314.pyc',
        'pytest-8.3.5.dist-info/METADATA',
        'x.egg-info/top.py',
      ]),
    ).toEqual(['_pytest', 'ns', 'py', 'pytest']);
  });
});

describe('wheel METADATA', () => {
  const pkgInfo = 'Metadata-Version: 2.2\nName: Pygments\nVersion: 2.18.0\nSummary: x\n\nLong: description\nName: not a header\n';

  it('parses only the header block', () => {
    const fields = parseMetadataHeaders(pkgInfo);
    expect(fields.get('name')).toEqual(['Pygments']);
    expect(fields.get('long')).toBeUndefined();
  });

  it('keeps upstream metadata verbatim when name and version match', () => {
    expect(wheelMetadataText({ name: 'pygments', version: '2.18.0', source: pkgInfo })).toBe(pkgInfo);
    expect(wheelMetadataText({ name: 'pygments', version: '2.18.0', source: 'Name: pygments\nVersion: 2.18.0' })).toBe(
      'Name: pygments\nVersion: 2.18.0\n',
    );
  });

  it('rejects metadata of another package or version', () => {
    expect(() => wheelMetadataText({ name: 'pytest', version: '2.18.0', source: pkgInfo })).toThrow(/names Pygments/);
    expect(() => wheelMetadataText({ name: 'pygments', version: '2.19.0', source: pkgInfo })).toThrow(/version 2.18.0/);
  });

  it('writes minimal metadata when there is none', () => {
    expect(wheelMetadataText({ name: 'x', version: '1' })).toBe('Metadata-Version: 2.1\nName: x\nVersion: 1\n');
  });
});
