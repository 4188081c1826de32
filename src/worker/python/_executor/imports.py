"""Dependency analysis: which top-level modules code imports, and where each comes from."""

import ast
import importlib.util
import sys


def top_level_imports(source):
    """Top-level module names imported anywhere in ``source``, in first-seen order.

    Relative imports are left out (they are the project's own). Code that does
    not parse gives an empty list: the run will report the syntax error.
    """
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return []
    seen = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        for name in names:
            top = name.split(".")[0]
            if top not in seen:
                seen.append(top)
    return seen


def analyze(source, index, loaded):
    """One verdict per imported module.

    ``index`` maps an import name to ``{"package": name, "source": "self-hosted" | "cdn"}``
    (from the lock file); ``loaded`` lists the packages already loaded. Verdicts:
    ``stdlib``, ``loaded``, ``available`` (in the index, not loaded yet),
    ``installed`` (importable already, e.g. the user's own module) and ``unknown``.
    """
    loaded = set(loaded)
    report = []
    for module in top_level_imports(source):
        entry = index.get(module)
        item = {
            "module": module,
            "package": entry["package"] if entry else None,
            "source": entry["source"] if entry else None,
        }
        if module in sys.stdlib_module_names or module in sys.builtin_module_names:
            item["verdict"] = "stdlib"
        elif entry and entry["package"] in loaded:
            item["verdict"] = "loaded"
        elif entry:
            item["verdict"] = "available"
        elif _importable(module):
            item["verdict"] = "installed"
        else:
            item["verdict"] = "unknown"
        report.append(item)
    return report


def _importable(module):
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False
