import { describe, expect, it } from 'vitest';
import { findTest, firstCodeLine } from './findTest.ts';

const FILES = [
  { path: 'calc.py', content: 'def test_not_a_test_file():\n    pass\n' },
  { path: 'tests/test_calc.py', content: 'import calc\n\n\ndef test_add():\n\n    # adds\n    assert calc.add(1, 2) == 3\n' },
  { path: 'test_more.py', content: 'class TestMore:\n    def test_bad(\n        self,\n    ):\n        assert 1 == 2\n' },
];

describe('findTest', () => {
  it('finds a test function with the line its body starts at', () => {
    expect(findTest('test_add', FILES)).toEqual({ nodeId: 'tests/test_calc.py::test_add', file: 'tests/test_calc.py', firstLine: 7 });
  });
  it('names a method by its class, past a signature over several lines', () => {
    expect(findTest('test_bad', FILES)).toEqual({ nodeId: 'test_more.py::TestMore::test_bad', file: 'test_more.py', firstLine: 5 });
  });
  it('looks only in test files, and says null for a name no test file defines', () => {
    expect(findTest('test_not_a_test_file', FILES)).toBeNull();
    expect(findTest('test_missing', FILES)).toBeNull();
  });
});

describe('firstCodeLine', () => {
  it('skips blank lines and comments', () => expect(firstCodeLine('\n# setup\n\nx = 1\n')).toBe(4));
  it('is null for code with nothing to run', () => expect(firstCodeLine('# only a comment\n')).toBeNull());
});
