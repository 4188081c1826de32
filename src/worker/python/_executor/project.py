"""Makes the interpreter see the project's files as they are now.

The worker writes the files into the working folder itself (``src/worker/createWorkspace.ts``: only those that
changed, as bytes); ``refresh`` then drops the project's own modules from ``sys.modules`` and its cached bytecode,
so the next import sees every edit.
"""

import importlib
import os
import shutil
import sys


def _inside(path, folder):
    folder = os.path.join(os.path.realpath(folder), "")
    return os.path.realpath(path).startswith(folder)


def forget_modules(folder):
    """Drop every imported module whose file lies in ``folder``."""
    # realpath costs a stat per path component: only files under the folder (as given or resolved) need it.
    prefixes = (os.path.join(folder, ""), os.path.join(os.path.realpath(folder), ""))
    for name, module in list(sys.modules.items()):
        filename = getattr(module, "__file__", None)
        # Only real paths: a relative or pseudo name ("<exec>") is not a project file.
        if isinstance(filename, str) and filename.startswith(prefixes) and _inside(filename, folder):
            del sys.modules[name]


def _clear_bytecode(folder):
    # Cached bytecode is checked by mtime and size: an edit within the same
    # second that keeps the size would be missed.
    for root, dirs, _files in os.walk(folder):
        if "__pycache__" in dirs:
            shutil.rmtree(os.path.join(root, "__pycache__"), ignore_errors=True)
            dirs.remove("__pycache__")


def refresh(folder):
    """Forget the modules and bytecode of ``folder``'s files, after the worker wrote them."""
    sys.dont_write_bytecode = True
    _clear_bytecode(folder)
    forget_modules(folder)
    importlib.invalidate_caches()
