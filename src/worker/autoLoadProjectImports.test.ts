import { describe, expect, it } from 'vitest';
import { importsToLoad, scanProjectImports } from './autoLoadProjectImports.ts';

describe('scanProjectImports', () => {
  it('finds the top-level modules of import lines in Python files, leaving out relative imports and other files', () => {
    const names = scanProjectImports([
      { path: 'test_codec.py', content: 'from hypothesis import given, strategies as st\nimport os.path, yaml as y\n' },
      { path: 'pkg/mod.py', content: '    import sympy  # lazily\nfrom . import sibling\nfrom .x import y\n' },
      { path: 'notes.txt', content: 'import networkx' },
      { path: 'data.bin', bytes: new Uint8Array([105, 109]) },
    ]);
    expect(names).toEqual(['os', 'yaml', 'hypothesis', 'sympy']);
  });
});

describe('importsToLoad', () => {
  const index = {
    hypothesis: { package: 'hypothesis', source: 'self-hosted' as const },
    yaml: { package: 'pyyaml', source: 'self-hosted' as const },
    pytest: { package: 'pytest', source: 'self-hosted' as const },
  };
  it('keeps what the index has and is not loaded', () => {
    expect(importsToLoad(['os', 'hypothesis', 'yaml', 'pytest', 'mine'], index, ['pytest', 'PyYAML'])).toEqual(['hypothesis']);
  });
});
