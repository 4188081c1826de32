import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { importNameMap, packageForImport } from './packageForImport.mjs';

/** Minimal lock entry. */
const entry = (name, imports) => ({
  name,
  version: '1.0',
  file_name: `${name}-1.0-py3-none-any.whl`,
  install_dir: 'site',
  sha256: '0'.repeat(64),
  package_type: 'package',
  imports,
  depends: [],
  unvendored_tests: false,
});

const lock = {
  info: {},
  packages: {
    'scikit-learn': entry('scikit-learn', ['sklearn']),
    pillow: entry('Pillow', ['PIL']),
    pyyaml: entry('PyYAML', ['_yaml', 'yaml']),
    py: entry('py', ['py']),
    pytest: entry('pytest', ['_pytest', 'py', 'pytest']),
  },
};

describe('packageForImport', () => {
  it('maps import names to lock keys through the imports field', () => {
    expect(packageForImport(lock, 'sklearn')).toBe('scikit-learn');
    expect(packageForImport(lock, 'PIL')).toBe('pillow');
    expect(packageForImport(lock, 'yaml')).toBe('pyyaml');
    expect(packageForImport(lock, '_pytest')).toBe('pytest');
  });

  it('looks up only the top-level component of a dotted module', () => {
    expect(packageForImport(lock, 'sklearn.linear_model')).toBe('scikit-learn');
    expect(packageForImport(lock, 'PIL.Image')).toBe('pillow');
  });

  it('returns undefined for modules no package provides', () => {
    expect(packageForImport(lock, 'json')).toBeUndefined();
    expect(packageForImport(lock, 'pil')).toBeUndefined(); // case-sensitive, like Python
  });

  it('lets the later entry win a shared import name, like Pyodide', () => {
    expect(importNameMap(lock).get('py')).toBe('pytest');
  });

  it('works on the real Pyodide lock', () => {
    const require = createRequire(import.meta.url);
    const path = require.resolve('pyodide/package.json').replace(/package\.json$/, 'pyodide-lock.json');
    const real = JSON.parse(readFileSync(path, 'utf8'));
    expect(packageForImport(real, 'sklearn')).toBe('scikit-learn');
    expect(packageForImport(real, 'numpy')).toBe('numpy');
  });
});
