/** One file of the generated suite. */
export interface SuiteFile {
  path: string;
  content: string;
}

/**
 * Figure 7's suite: a small module and `files` test files of `perFile` tests each
 * (300 by default), every test a little computation and an assert, all passing.
 */
export function generateTestSuite(files = 10, perFile = 30): SuiteFile[] {
  const module = [
    'def fib(n):',
    '    a, b = 0, 1',
    '    for _ in range(n):',
    '        a, b = b, a + b',
    '    return a',
    '',
    '',
    'def words(text):',
    '    counts = {}',
    '    for word in text.split():',
    '        counts[word] = counts.get(word, 0) + 1',
    '    return counts',
    '',
  ].join('\n');
  const fib = (n: number): number => {
    let [a, b] = [0, 1];
    for (let i = 0; i < n; i++) [a, b] = [b, a + b];
    return a;
  };
  const suite: SuiteFile[] = [{ path: 'mathlib.py', content: module }];
  for (let f = 0; f < files; f++) {
    const tests = Array.from({ length: perFile }, (_, t) => {
      const n = (f * perFile + t) % 25;
      return t % 2 === 0
        ? `def test_fib_${t}():\n    assert fib(${n}) == ${fib(n)}\n`
        : `def test_words_${t}():\n    assert words("a b a c ${n}")["a"] == 2\n`;
    });
    suite.push({ path: `tests/test_gen_${f}.py`, content: `from mathlib import fib, words\n\n\n${tests.join('\n\n')}` });
  }
  return suite;
}
