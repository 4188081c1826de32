"""What handle_error needs from the interpreter: names near a missing one, keys, lengths.

Values come in as arguments (never pasted into code). The last exception of a run
is ``sys.last_exc`` (the runner keeps it, as the REPL does), so KeyError and IndexError
can look at the frame where they happened.
"""

import builtins
import difflib
import linecache
import re
import sys
from collections.abc import Mapping, Sequence

_OWN_PREFIX = "/opt/executor/"
_MAX_KEYS = 20


def _close(word, candidates):
    names = sorted({c for c in candidates if isinstance(c, str) and not c.startswith("__")})
    found = difflib.get_close_matches(word, names, n=3, cutoff=0.6)
    lower = [n for n in names if n.lower() == word.lower() and n != word]
    return list(dict.fromkeys(lower + found))[:3]


def _user_frame(exc):
    """The innermost frame of the traceback that is the user's (not Executor's own)."""
    tb = getattr(exc, "__traceback__", None)
    frame = None
    while tb is not None:
        if not tb.tb_frame.f_code.co_filename.startswith(_OWN_PREFIX):
            frame = (tb.tb_frame, tb.tb_lineno)
        tb = tb.tb_next
    return frame


def _subscripted(frame, lineno):
    """Variables subscripted (``name[...]``) on the failing line, with their values."""
    f_globals, f_locals = frame.f_globals, frame.f_locals
    line = linecache.getline(frame.f_code.co_filename, lineno)
    out = []
    for name in dict.fromkeys(re.findall(r"([A-Za-z_][A-Za-z0-9_]*)\s*\[", line)):
        if name in f_locals:
            out.append((name, f_locals[name]))
        elif name in f_globals:
            out.append((name, f_globals[name]))
    return out


def _attribute_owner(message, namespace):
    m = re.match(r"module '([^']+)' has no attribute", message)
    if m:
        return sys.modules.get(m.group(1))
    m = re.match(r"type object '([^']+)' has no attribute", message)
    if m:
        return namespace.get(m.group(1), getattr(builtins, m.group(1), None))
    m = re.match(r"'([^']+)' object has no attribute", message)
    if m:
        type_name = m.group(1)
        builtin = getattr(builtins, type_name, None)
        if isinstance(builtin, type):
            return builtin
        for value in list(namespace.values()):
            if type(value).__name__ == type_name:
                return value
    return None


def error_scope(error_type, message, namespace):
    """Did-you-mean candidates, keys and lengths for the last error (see ErrorScope in handleError.ts)."""
    scope = {"closeMatches": [], "keys": [], "lengths": []}
    exc = getattr(sys, "last_exc", None)
    if error_type in ("NameError", "UnboundLocalError"):
        m = re.search(r"name '([^']+)'", message)
        if m:
            frame = _user_frame(exc) if exc is not None and type(exc).__name__ == error_type else None
            local = list(frame[0].f_locals) if frame else []
            scope["closeMatches"] = _close(m.group(1), list(namespace) + local + dir(builtins))
    elif error_type == "AttributeError":
        m = re.search(r"has no attribute '([^']+)'", message)
        owner = _attribute_owner(message, namespace)
        if m and owner is not None:
            scope["closeMatches"] = _close(m.group(1), dir(owner))
    elif error_type in ("KeyError", "IndexError") and exc is not None and type(exc).__name__ == error_type:
        frame = _user_frame(exc)
        if frame:
            for name, value in _subscripted(*frame):
                if error_type == "KeyError" and isinstance(value, Mapping):
                    keys = list(value.keys())
                    scope["keys"].append(
                        {"name": name, "keys": [repr(k) for k in keys[:_MAX_KEYS]], "total": len(keys)}
                    )
                    missing = exc.args[0] if exc.args else None
                    if isinstance(missing, str):
                        scope["closeMatches"] = [
                            repr(k) for k in _close(missing, [k for k in keys if isinstance(k, str)])
                        ]
                elif error_type == "IndexError" and isinstance(value, Sequence) and not isinstance(value, (str, bytes)):
                    scope["lengths"].append({"name": name, "length": len(value)})
    return scope
