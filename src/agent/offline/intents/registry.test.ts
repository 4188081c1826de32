import { describe, expect, it } from 'vitest';
import { OFFLINE_INTENTS, intentFor, intentNamed } from './registry.ts';
import type { OfflineStep } from './offlineIntent.ts';

const KINDS: Array<OfflineStep['kind']> = [
  'run',
  'run-editor',
  'run-file',
  'batch',
  'profile',
  'tests',
  'files',
  'read',
  'write',
  'validate',
  'dependencies',
  'install',
  'explain',
  'demo',
  'help',
];

describe('the offline intents registry', () => {
  it('names each reading once, and every reading but help has words that point at it', () => {
    const names = OFFLINE_INTENTS.map((i) => i.name);
    expect(new Set(names).size).toBe(names.length);
    for (const intent of OFFLINE_INTENTS) expect(intent.name === 'help' || intent.features.length > 0).toBe(true);
    expect(intentNamed('tests').label('test_calc.py')).toBe('Run the tests of test_calc.py');
    expect(() => intentNamed('nothing')).toThrow('No offline intent is named nothing');
  });

  it('has exactly one reading that runs each kind of step', () => {
    for (const kind of KINDS) expect(OFFLINE_INTENTS.filter((i) => i.kinds.includes(kind))).toHaveLength(1);
    expect(intentFor('batch').name).toBe('run');
  });

  it('folds refinements into the step before, and a later step replaces help', () => {
    const tests = intentFor('tests').merge?.(
      { kind: 'tests', path: 'a.py', coverage: false, code: null },
      { kind: 'tests', path: null, coverage: true, code: null },
    );
    expect(tests).toEqual({ kind: 'tests', path: 'a.py', coverage: true, code: null });
    const deps = intentFor('dependencies').merge?.({ kind: 'dependencies', code: null, install: false }, { kind: 'install', packages: [] });
    expect(deps).toEqual({ kind: 'dependencies', code: null, install: true });
    expect(intentFor('help').merge?.({ kind: 'help' }, { kind: 'files' })).toEqual({ kind: 'files' });
    expect(intentFor('run').merge).toBeUndefined();
  });
});
