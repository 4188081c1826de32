"""Runs pytest (optionally under coverage.py) on the project in the working folder.

``run`` is called by the worker with plain values; records stream out through
``emit`` as tests finish, and the return value carries what only the end knows:
the exit code, the collected node ids and the coverage facts.
"""

import ast
import os
import sys
import time
import warnings

from _executor.project import forget_modules

# pluggy 1.5 has 'return' in 'finally', a SyntaxWarning since Python 3.14.
warnings.filterwarnings("ignore", category=SyntaxWarning, module=r".*pluggy")


def _functions(source):
    """Every function of a module as ``{"name", "start", "end"}`` (qualified names)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    found = []

    def visit(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                name = prefix + child.name
                start = min([d.lineno for d in child.decorator_list] + [child.lineno])
                found.append({"name": name, "start": start, "end": child.end_lineno})
                visit(child, name + ".")
            elif isinstance(child, ast.ClassDef):
                visit(child, prefix + child.name + ".")

    visit(tree, "")
    return found


def _coverage_facts(cov, folder, paths):
    """Per project file: statements, missing lines and the exits of each branch line.

    These are the inputs of coverage.py's own numbers (``Analysis.numbers``), so
    runs on several interpreters can be merged exactly: a line or a branch exit is
    missing when it is missing in every run.
    """
    facts = {}
    for relative in paths:
        if not relative.endswith(".py"):
            continue
        full = os.path.join(folder, relative)
        try:
            analysis = cov._analyze(full)
        except Exception as exc:  # not Python, or not parsable: reported as such
            facts[relative] = {"error": f"{type(exc).__name__}: {exc}"}
            continue
        exits = {line: count for line, count in analysis.exit_counts.items() if count > 1}
        missed = analysis.missing_branch_arcs()
        with open(full, encoding="utf-8") as handle:
            functions = _functions(handle.read())
        facts[relative] = {
            "statements": sorted(analysis.statements),
            "missing": sorted(analysis.missing),
            "branches": [
                {"line": line, "exits": count, "missed": sorted(missed.get(line, []))}
                for line, count in sorted(exits.items())
            ],
            "functions": functions,
            "percent": analysis.numbers.pc_covered,
        }
    return facts


def warm_up(with_coverage):
    """Import pytest, its built-in plugins and coverage now, outside the run's time limit
    (the first import compiles a few hundred modules, seconds in WebAssembly)."""
    import importlib

    import pytest  # noqa: F401
    from _pytest.config import default_plugins

    import _executor.pytest_plugin  # noqa: F401

    for name in default_plugins:
        importlib.import_module(f"_pytest.{name}")
    if with_coverage:
        os.environ["COVERAGE_CORE"] = "sysmon"
        import coverage  # noqa: F401


def run(args, folder, paths, collect_only, with_coverage, emit, limit):
    """Run pytest with ``args`` in ``folder``; returns a dict (see module doc)."""
    import pytest

    from _executor.pytest_plugin import RecordsPlugin

    forget_modules(folder)
    plugin = RecordsPlugin(folder, emit, limit)
    argv = ["-p", "no:cacheprovider", *args]
    if collect_only:
        argv = ["--collect-only", "-q", *argv]
    cov = None
    if with_coverage and not collect_only:
        os.environ["COVERAGE_CORE"] = "sysmon"  # the C tracer is not in the wheel
        import coverage

        cov = coverage.Coverage(data_file=None, source=[folder], branch=True)
        cov.start()
    started = time.perf_counter()
    exit_code = None
    interrupted = None
    try:
        exit_code = int(pytest.main(argv, plugins=[plugin]))
    except BaseException as exc:  # KeyboardInterrupt outside a test, MemoryError, SystemExit
        interrupted = f"{type(exc).__name__}: {exc}"
    finally:
        if cov is not None:
            cov.stop()
    duration_ms = (time.perf_counter() - started) * 1000.0
    if exit_code == int(pytest.ExitCode.INTERRUPTED) or interrupted:
        plugin.interrupted_record()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    facts = None
    if cov is not None and interrupted is None:
        facts = _coverage_facts(cov, folder, paths)
    return {
        "exit_code": exit_code if exit_code is not None else -1,
        "counts": plugin.counts,
        "collect_counts": plugin.collect_counts,
        "collected": plugin.collected,
        "duration_ms": duration_ms,
        "coverage": facts,
        "problem": interrupted,
    }
