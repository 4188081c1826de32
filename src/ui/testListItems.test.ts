import { describe, expect, it } from 'vitest';
import { makeTestRecord } from '../testing/makeTestResult.ts';
import { countOutcomes, fileOf, testListItems } from './testListItems.ts';

const records = [
  makeTestRecord({ nodeId: 'tests/test_a.py::test_one' }),
  makeTestRecord({ nodeId: 'tests/test_b.py::TestX::test_two', outcome: 'failed', message: 'AssertionError: assert 4 == 5' }),
  makeTestRecord({ nodeId: 'tests/test_a.py::test_three', outcome: 'skipped', platform: 'needs threads: not available in the browser' }),
  makeTestRecord({ nodeId: 'tests/test_c.py', outcome: 'skipped', message: "could not import 'numpy'" }),
];

describe('testListItems', () => {
  it('groups tests by file in the order files first appear, each under a header with its counts', () => {
    const items = testListItems(records, 'all', '', new Set());
    expect(items.map((i) => (i.kind === 'file' ? `# ${i.file}` : i.record.nodeId))).toEqual([
      '# tests/test_a.py',
      'tests/test_a.py::test_one',
      'tests/test_a.py::test_three',
      '# tests/test_b.py',
      'tests/test_b.py::TestX::test_two',
      '# tests/test_c.py',
      'tests/test_c.py',
    ]);
    expect(items[0]).toMatchObject({ kind: 'file', counts: { passed: 1, skipped: 1 }, total: 2 });
  });

  it('filters by outcome, by platform limit and by text in the id, the message or the label', () => {
    const ids = (o: Parameters<typeof testListItems>[1], t: string) =>
      testListItems(records, o, t, new Set()).flatMap((i) => (i.kind === 'test' ? [i.record.nodeId] : []));
    expect(ids('failed', '')).toEqual(['tests/test_b.py::TestX::test_two']);
    expect(ids('platform', '')).toEqual(['tests/test_a.py::test_three']);
    expect(ids('all', 'NUMPY')).toEqual(['tests/test_c.py']);
    expect(ids('all', 'threads')).toEqual(['tests/test_a.py::test_three']);
    expect(ids('skipped', 'two')).toEqual([]);
  });

  it('shows only the header of a collapsed file', () => {
    const items = testListItems(records, 'all', '', new Set(['tests/test_a.py']));
    expect(items.slice(0, 2).map((i) => i.kind)).toEqual(['file', 'file']);
    expect(items[0]).toMatchObject({ collapsed: true, total: 2 });
  });

  it('counts outcomes and platform limits for the filter buttons', () => {
    expect(countOutcomes(records)).toMatchObject({ all: 4, passed: 1, failed: 1, skipped: 2, platform: 1, error: 0 });
    expect(fileOf('a.py::T::t')).toBe('a.py');
  });
});
