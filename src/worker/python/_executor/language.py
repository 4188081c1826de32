"""Completions, hover, signatures and definitions for the editor, from Jedi.

This runs in an interpreter of its own that never executes user code: Jedi only reads
the project's files (written under PROJECT_DIR). After a run, the names the run defined
arrive as (name, type name) pairs; empty values of their types stand in for them when
the type is a builtin, the standard library's or an installed package's (never a project's), so ``data.`` completes a dict's methods even when ``data`` came from
code Jedi cannot see.
"""

import builtins
import importlib
import importlib.util
import os
import shutil
import sys

import parso
import parso.grammar

#: Where the project's files are written for Jedi to read.
PROJECT_DIR = "/lang/project"
#: Completions sent at most.
MAX_COMPLETIONS = 200
#: Characters of a docstring sent at most.
MAX_DOC = 4000

_load_grammar = parso.grammar.load_grammar


def _load_known_grammar(*, version=None, path=None):
    # Parso knows grammars up to 3.13; Python 3.14's own syntax parses with the newest one it has.
    try:
        return _load_grammar(version=version, path=path)
    except NotImplementedError:
        return _load_grammar(version="3.13", path=path)


parso.load_grammar = parso.grammar.load_grammar = _load_known_grammar

import jedi  # noqa: E402 - after parso is taught about 3.14

# Searching the code for calls to infer a function's parameters (and appends to infer a list's items)
# costs most of a completion's time in a long file, and an editor needs the names, not those guesses.
jedi.settings.dynamic_params = False
jedi.settings.dynamic_params_for_other_modules = False
jedi.settings.dynamic_array_additions = False

_project = None
_stand_ins = {}


def _get_project():
    global _project
    if _project is None:
        os.makedirs(PROJECT_DIR, exist_ok=True)
        _project = jedi.Project(PROJECT_DIR, added_sys_path=[PROJECT_DIR], smart_sys_path=False)
    return _project


def sync_files(files):
    """Makes PROJECT_DIR hold exactly ``files`` (pairs of relative path and content)."""
    if os.path.isdir(PROJECT_DIR):
        shutil.rmtree(PROJECT_DIR)
    os.makedirs(PROJECT_DIR, exist_ok=True)
    for path, content in files:
        full = os.path.join(PROJECT_DIR, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(content)
    jedi.cache.clear_time_caches(True)


def _library_module(top):
    """Whether ``top`` is the standard library's or an installed package's (never a project file)."""
    if top in sys.stdlib_module_names:
        return True
    spec = importlib.util.find_spec(top)
    # Installed packages live in site-packages; the project's files (in PROJECT_DIR) are not importable here.
    return bool(spec and spec.origin and "/site-packages/" in spec.origin)


def _stand_in(type_name):
    """An empty instance of a builtin, standard-library or installed package's type; None for any other."""
    module_name, _, name = type_name.rpartition(".")
    try:
        if not module_name:
            cls = getattr(builtins, name, None)
        elif _library_module(module_name.split(".")[0]):
            cls = getattr(importlib.import_module(module_name), name, None)
        else:
            return None
        if not isinstance(cls, type):
            return None
        return cls.__new__(cls)
    except Exception:  # a type that cannot be made empty simply gets no stand-in
        return None


def set_names(pairs):
    """The last run's names, as (name, type name) pairs."""
    _stand_ins.clear()
    for name, type_name in pairs:
        value = _stand_in(type_name)
        if value is not None:
            _stand_ins[name] = value


def _script(code, path):
    full = os.path.join(PROJECT_DIR, path)
    if _stand_ins:
        return jedi.Interpreter(code, [dict(_stand_ins)], path=full, project=_get_project())
    return jedi.Script(code, path=full, project=_get_project())


def _doc(text):
    return text if len(text) <= MAX_DOC else text[:MAX_DOC] + "…"


def complete(code, path, line, column):
    items = []
    for c in _script(code, path).complete(line, column)[:MAX_COMPLETIONS]:
        items.append({"label": c.name, "kind": c.type, "detail": c.description or "", "insert": c.name})
    return items


def hover(code, path, line, column):
    names = _script(code, path).help(line, column)
    if not names:
        return None
    name = names[0]
    signatures = [s.to_string() for s in name.get_signatures()]
    doc = name.docstring(raw=True) or ""
    return {"title": signatures[0] if signatures else f"{name.type} {name.name}", "doc": _doc(doc)}


def signatures(code, path, line, column):
    found = []
    for s in _script(code, path).get_signatures(line, column):
        found.append(
            {
                "label": s.to_string(),
                "params": [p.to_string() for p in s.params],
                "active": s.index if s.index is not None else -1,
                "doc": _doc(s.docstring(raw=True) or ""),
            }
        )
    return found


def definition(code, path, line, column):
    """Where the name is defined, in the project's own files only."""
    places = []
    for d in _script(code, path).goto(line, column, follow_imports=True):
        module_path = str(d.module_path) if d.module_path else ""
        if d.line is None:
            continue
        if not module_path:
            places.append({"path": path, "line": d.line, "column": d.column + 1})
        elif module_path.startswith(PROJECT_DIR + "/"):
            places.append({"path": module_path[len(PROJECT_DIR) + 1 :], "line": d.line, "column": d.column + 1})
    return places
