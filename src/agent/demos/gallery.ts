/**
 * The demo gallery (the seed's `create_demo`): runnable snippets for the seed's
 * examples, each small enough to read and fast enough to run in the browser.
 */

/** One demo: code that runs as it is, plus project files when it needs them (tests). */
export interface Demo {
  id: string;
  title: string;
  description: string;
  /** Words a request may use to ask for it. */
  keywords: string[];
  code: string;
  /** Extra files (name → content), e.g. a module and its tests. */
  files?: Record<string, string>;
}

const fibonacci: Demo = {
  id: 'fibonacci',
  title: 'Fibonacci',
  description: 'Recursive and iterative Fibonacci, with a cache for the recursive one.',
  keywords: ['fibonacci', 'fib', 'recursion', 'recursive', 'cache'],
  code: `from functools import lru_cache

def fibonacci(n):
    if n <= 1:
        return n
    return fibonacci(n - 1) + fibonacci(n - 2)

@lru_cache(maxsize=None)
def fibonacci_cached(n):
    return n if n <= 1 else fibonacci_cached(n - 1) + fibonacci_cached(n - 2)

print([fibonacci(i) for i in range(10)])
print("fib(80) =", fibonacci_cached(80))
`,
};

const bubbleSort: Demo = {
  id: 'bubble-sort',
  title: 'Bubble sort (for profiling)',
  description: "The seed's profiling example: bubble sort timed on growing inputs, against sorted().",
  keywords: ['bubble', 'sort', 'sorting', 'profile', 'profiling', 'performance', 'benchmark', 'optimize'],
  code: `import time

def bubble_sort(arr):
    n = len(arr)
    for i in range(n):
        for j in range(0, n - i - 1):
            if arr[j] > arr[j + 1]:
                arr[j], arr[j + 1] = arr[j + 1], arr[j]
    return arr

for size in [100, 200, 400]:
    arr = list(range(size, 0, -1))
    start = time.perf_counter()
    bubble_sort(arr.copy())
    mid = time.perf_counter()
    sorted(arr)
    end = time.perf_counter()
    print(f"Size {size}: bubble {mid - start:.4f} s, sorted() {end - mid:.6f} s")
`,
};

const calculatorModule = `def add(a, b):
    return a + b

def subtract(a, b):
    return a - b

def multiply(a, b):
    return a * b

def divide(a, b):
    if b == 0:
        raise ValueError("cannot divide by zero")
    return a / b
`;

const calculator: Demo = {
  id: 'calculator',
  title: 'Calculator with tests',
  description: 'A calculator module and its pytest tests (calculator.py, test_calculator.py); the snippet checks it with plain asserts.',
  keywords: ['calculator', 'test', 'tests', 'pytest', 'unit', 'coverage', 'testing'],
  code: `${calculatorModule}
# The same checks as test_calculator.py, as plain asserts:
assert add(2, 3) == 5
assert subtract(5, 3) == 2
assert multiply(4, 2.5) == 10
assert divide(9, 3) == 3
try:
    divide(1, 0)
except ValueError as e:
    print("divide(1, 0) raised:", e)
print("All calculator checks passed")
`,
  files: {
    'calculator.py': calculatorModule,
    'test_calculator.py': `import pytest
from calculator import add, subtract, multiply, divide

def test_add():
    assert add(2, 3) == 5

def test_subtract():
    assert subtract(5, 3) == 2

def test_multiply():
    assert multiply(4, 2.5) == 10

def test_divide():
    assert divide(9, 3) == 3

def test_divide_by_zero():
    with pytest.raises(ValueError):
        divide(1, 0)
`,
  },
};

const dependencies: Demo = {
  id: 'dependencies',
  title: 'Dependency analysis',
  description:
    "The seed's dependency example: imports from the standard library, the package index and elsewhere. Analyze it under Packages.",
  keywords: ['dependency', 'dependencies', 'packages', 'package', 'imports', 'import', 'install', 'requirements'],
  code: `import json
import statistics
import pytest
import numpy as np
from sklearn.model_selection import train_test_split
import seaborn as sns

print("json, statistics: standard library; pytest: self-hosted; numpy, scikit-learn, seaborn: package CDN")
`,
};

const dataProcessing: Demo = {
  id: 'data-processing',
  title: 'Data processing',
  description:
    "The seed's data example (groupby mean/std/count) with the standard library, so it runs offline; pandas works the same when it is available.",
  keywords: ['data', 'processing', 'pandas', 'numpy', 'statistics', 'dataframe', 'groupby', 'analysis', 'csv'],
  code: `import random
import statistics
from collections import defaultdict

random.seed(42)
rows = [{"value": random.gauss(0, 1), "category": random.choice("ABC")} for _ in range(1000)]

groups = defaultdict(list)
for row in rows:
    groups[row["category"]].append(row["value"])

print("Data Summary:")
print(f"{'category':>8} {'mean':>8} {'std':>8} {'count':>6}")
for category in sorted(groups):
    values = groups[category]
    print(f"{category:>8} {statistics.mean(values):8.3f} {statistics.stdev(values):8.3f} {len(values):6d}")
`,
};

/** Every demo, in the order the help lists them. */
export const demoGallery: readonly Demo[] = [fibonacci, bubbleSort, calculator, dependencies, dataProcessing];

/**
 * The demo that best fits a topic ("fibonacci", "a calculator with tests", "profiling"...),
 * or null when none does.
 */
export function createDemo(topic: string): Demo | null {
  const words = topic.toLowerCase().match(/[a-z]+/g) ?? [];
  let best: Demo | null = null;
  let bestScore = 0;
  for (const demo of demoGallery) {
    const score = words.filter((w) => demo.keywords.includes(w) || demo.id === w).length;
    if (score > bestScore) {
      best = demo;
      bestScore = score;
    }
  }
  return best;
}
