"""CPU-bound benchmark program: recursion, loops, strings and dicts.

Runs unchanged in Executor, in the bare Pyodide worker and in native CPython.
It times only its own work (time.perf_counter) and prints one line:
    compute_seconds=<float> checksum=<int>
"""

import time


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def loops(n):
    total = 0
    for i in range(n):
        total += (i * i) % 7
    return total


def strings(n):
    words = []
    for i in range(n):
        words.append(f"item{i % 97}-{i}")
    text = ",".join(words)
    return len(text.upper().split(","))


def dicts(n):
    counts = {}
    for i in range(n):
        key = f"k{i % 1000}"
        counts[key] = counts.get(key, 0) + i
    return sum(counts.values()) % 1_000_003


def work():
    return fib(27) + loops(2_500_000) + strings(700_000) + dicts(1_300_000)


started = time.perf_counter()
checksum = work()
elapsed = time.perf_counter() - started
print(f"compute_seconds={elapsed:.6f} checksum={checksum}")
