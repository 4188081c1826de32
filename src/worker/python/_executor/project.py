"""Writes the project's files into the interpreter's working folder.

The page owns the files; before each run or test run it sends them all, and
``sync`` makes the folder match: new and changed files are written, files the
project no longer has are removed, and the project's own modules are dropped
from ``sys.modules`` so the next import sees every edit.
"""

import importlib
import os
import shutil
import sys

_written = set()


def _inside(path, folder):
    folder = os.path.join(os.path.realpath(folder), "")
    return os.path.realpath(path).startswith(folder)


def forget_modules(folder):
    """Drop every imported module whose file lies in ``folder``."""
    for name, module in list(sys.modules.items()):
        filename = getattr(module, "__file__", None)
        # Only real paths: a relative or pseudo name ("<exec>") is not a project file.
        if isinstance(filename, str) and os.path.isabs(filename) and _inside(filename, folder):
            del sys.modules[name]


def _clear_bytecode(folder):
    # Cached bytecode is checked by mtime and size: an edit within the same
    # second that keeps the size would be missed.
    for root, dirs, _files in os.walk(folder):
        if "__pycache__" in dirs:
            shutil.rmtree(os.path.join(root, "__pycache__"), ignore_errors=True)
            dirs.remove("__pycache__")


def sync(files, folder):
    """Make ``folder`` hold ``files`` (a list of ``{"path", "content"}``)."""
    sys.dont_write_bytecode = True
    wanted = set()
    for entry in files:
        relative = entry["path"]
        target = os.path.join(folder, relative)
        if not _inside(target, folder):
            raise ValueError(f"{relative!r} points outside the project folder")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(entry["content"])
        wanted.add(os.path.realpath(target))
    for stale in _written - wanted:
        try:
            os.remove(stale)
        except OSError:
            pass
    _written.clear()
    _written.update(wanted)
    _clear_bytecode(folder)
    forget_modules(folder)
    importlib.invalidate_caches()
