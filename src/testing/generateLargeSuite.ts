import type { TextFile } from '../protocol/testProtocol.ts';

/** What native pytest says of {@link generateLargeSuite}'s suite (checked by the bench on every run). */
export const LARGE_SUITE_SUMMARY = '1800 passed, 190 skipped, 180 xfailed';

/** Tests pytest collects from {@link generateLargeSuite}'s suite. */
export const LARGE_SUITE_TESTS = 2160;

const CONFTEST = `import pytest


@pytest.fixture(scope="session")
def table():
    return {n: n * n for n in range(100)}


@pytest.fixture
def numbers(table):
    return sorted(table)[:10]
`;

const MODULE = `def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


class Counter:
    def __init__(self):
        self.counts = {}

    def add(self, word):
        self.counts[word] = self.counts.get(word, 0) + 1
        return self.counts[word]
`;

function testFile(i: number): string {
  if (i % 10 === 0) {
    // A module that needs what is not installed: pytest skips it whole, one skip.
    return `import pytest\n\nnumpy = pytest.importorskip("a_module_nobody_has")\n\n\ndef test_uses_it():\n    assert numpy\n`;
  }
  return `import pytest

from lib import Counter, fib


class TestCounter:
    def test_new(self):
        assert Counter().counts == {}

    def test_add(self):
        assert Counter().add("a") == 1

    def test_twice(self):
        c = Counter()
        c.add("a")
        assert c.add("a") == 2

    def test_other(self):
        c = Counter()
        c.add("a")
        assert c.add("b") == 1


@pytest.mark.parametrize("n", range(10))
def test_fib_${i}(n):
    assert fib(n + 2) == fib(n + 1) + fib(n)


def test_numbers(numbers):
    assert numbers[0] == 0


def test_table(table):
    assert table[${i % 100}] == ${(i % 100) ** 2}


def test_len(numbers):
    assert len(numbers) == 10


def test_sum(numbers):
    assert sum(numbers) == 45


def test_words():
    assert "a b".split() == ["a", "b"]


def test_fib_zero():
    assert fib(0) == 0


@pytest.mark.xfail(reason="known off-by-one")
def test_known_bug():
    assert fib(3) == 3


@pytest.mark.xfail(reason="not yet")
def test_later():
    raise NotImplementedError


@pytest.mark.skip(reason="slow")
def test_slow():
    pass


@pytest.mark.skipif(True, reason="not on this platform")
def test_platform():
    pass
`;
}

/**
 * A project like a real one at scale: 100 test files (ten skipped whole at import by `importorskip`), a
 * conftest with fixtures, classes, parametrize, xfail and skips: {@link LARGE_SUITE_TESTS} tests.
 */
export function generateLargeSuite(): TextFile[] {
  const files: TextFile[] = [
    { path: 'lib.py', content: MODULE },
    { path: 'tests/conftest.py', content: CONFTEST },
  ];
  for (let i = 0; i < 100; i++) files.push({ path: `tests/test_part_${String(i).padStart(3, '0')}.py`, content: testFile(i) });
  return files;
}
