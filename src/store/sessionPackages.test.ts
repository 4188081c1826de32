import { describe, expect, it } from 'vitest';
import { installsWithoutAsking, loadNames, mergePackages, packagesOfRecord } from './sessionPackages.ts';

describe('session packages', () => {
  it('reads sessions stored before versions and sources were kept (names only) and those stored after', () => {
    expect(packagesOfRecord({ load: ['sympy', 'https://cdn.example/a-1.0-py3-none-any.whl'] })).toEqual([
      { spec: 'sympy', name: 'sympy', version: '', source: 'index' },
      {
        spec: 'https://cdn.example/a-1.0-py3-none-any.whl',
        name: 'https://cdn.example/a-1.0-py3-none-any.whl',
        version: '',
        source: 'url',
      },
    ]);
    const installed = [{ spec: 'humanize==4.9.0', name: 'humanize', version: '4.9.0', source: 'pypi' as const }];
    expect(packagesOfRecord({ load: ['humanize'], installed })).toEqual(installed);
  });

  it('keeps the order installs happened in; an install again replaces the entry in place', () => {
    const a = { spec: 'sympy', name: 'sympy', version: '', source: 'index' as const };
    const b = { spec: 'networkx', name: 'networkx', version: '3.2.1', source: 'index' as const };
    const a2 = { spec: 'sympy', name: 'SymPy', version: '1.13.3', source: 'index' as const };
    expect(mergePackages([a, b], [a2])).toEqual([a2, b]);
    expect(mergePackages([a], [b])).toEqual([a, b]);
  });

  it('asks before installing from PyPI or a URL, not from the index; a document lists names, not URLs', () => {
    const list = [
      { spec: 'sympy', name: 'sympy', version: '1.13.3', source: 'index' as const },
      { spec: 'x', name: 'x', version: '1', source: 'cdn' as const },
      { spec: 'humanize==4.9.0', name: 'humanize', version: '4.9.0', source: 'pypi' as const },
      { spec: 'https://h/a-1-py3-none-any.whl', name: 'a', version: '1', source: 'url' as const },
    ];
    expect(list.map(installsWithoutAsking)).toEqual([true, true, false, false]);
    expect(loadNames(list)).toEqual(['sympy', 'x', 'humanize']);
  });
});
