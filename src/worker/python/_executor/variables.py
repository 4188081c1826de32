"""The Variables tab's view of the user's namespace, bounded in size and in time.

Every call into the user's objects (``__repr__``, ``__len__``, attribute lookups) runs
under a trace function with a deadline, so a ``__repr__`` that loops forever raises
instead of holding the interpreter; its row says it took too long.
"""

import dataclasses
import inspect
import reprlib
import sys
import time
import types

#: Items of one container sent at a time.
PAGE = 100
#: Longest short repr sent, in characters.
REPR_CHARS = 200
#: Time one value's summary may take (its repr, len, shape), in seconds.
VALUE_BUDGET_S = 0.1
#: Time a whole page may take; the rest of the page is listed without calling into the objects.
PAGE_BUDGET_S = 1.0

_repr = reprlib.Repr()
_repr.maxlevel = 2
_repr.maxdict = 6
_repr.maxstring = REPR_CHARS
_repr.maxlong = 60
_repr.maxother = REPR_CHARS


class TimeUp(Exception):
    """A user-defined method ran past its budget."""


def _bounded(fn, budget):
    """``fn()``, raising TimeUp in any Python code it runs once ``budget`` seconds have passed.

    Code that catches the exception and goes on gets it again at its next instruction.
    """
    deadline = time.perf_counter() + budget
    previous = sys.gettrace()

    def tracer(frame, event, arg):
        # Opcode events too: a one-line loop (`while True: pass`) makes no line events.
        frame.f_trace_opcodes = True
        if time.perf_counter() > deadline:
            raise TimeUp()
        return tracer

    sys.settrace(tracer)
    try:
        return fn()
    finally:
        sys.settrace(previous)


def _kind(value):
    if isinstance(value, types.ModuleType):
        return "module"
    if isinstance(value, type):
        return "class"
    if isinstance(value, (types.FunctionType, types.BuiltinFunctionType, types.MethodType, types.LambdaType)):
        return "function"
    return "value"


def _type_name(value):
    cls = type(value)
    module = getattr(cls, "__module__", "") or ""
    name = getattr(cls, "__qualname__", cls.__name__)
    return name if module in ("builtins", "__main__") else f"{module}.{name}"


def _plural(n, word):
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _size(value):
    if isinstance(value, str):
        return _plural(len(value), "char")
    if isinstance(value, (bytes, bytearray, memoryview)):
        return _plural(len(value), "byte")
    if _kind(value) != "value":
        return None
    shape = inspect.getattr_static(value, "shape", None)
    if shape is not None:
        shape = getattr(value, "shape", None)
        if isinstance(shape, tuple):
            nbytes = getattr(value, "nbytes", None)
            text = f"shape {shape!r}"
            return f"{text}, {_plural(nbytes, 'byte')}" if isinstance(nbytes, int) else text
    if hasattr(type(value), "__len__"):
        return _plural(len(value), "item")
    return None


def _short(text):
    return text if len(text) <= REPR_CHARS else text[: REPR_CHARS - 1] + "…"


def _children(value):
    """The value's parts as (label, value) pairs, lazily; None when it has none to show."""
    if isinstance(value, (str, bytes, bytearray, memoryview, int, float, complex, bool, type(None), range)):
        return None
    if _kind(value) != "value":
        return None
    if isinstance(value, dict):
        return ((_short(_repr.repr(k)), v) for k, v in value.items())
    if isinstance(value, (list, tuple)) or type(value).__name__ == "deque":
        return ((f"[{i}]", v) for i, v in enumerate(value))
    if isinstance(value, (set, frozenset)):
        return (("", v) for v in value)
    if dataclasses.is_dataclass(value):
        return ((f".{f.name}", getattr(value, f.name)) for f in dataclasses.fields(value))
    # A DataFrame: its columns.
    columns = inspect.getattr_static(value, "columns", None)
    if columns is not None and inspect.getattr_static(value, "dtypes", None) is not None:
        return ((_short(_repr.repr(c)), value[c]) for c in value.columns)
    attributes = inspect.getattr_static(value, "__dict__", None)
    if isinstance(attributes, dict) and attributes:
        return ((f".{k}", v) for k, v in attributes.items() if not k.startswith("__"))
    return None


def _has_children(value):
    parts = _children(value)
    if parts is None:
        return False
    for _ in parts:
        return True
    return False


def _row(name, value, budget):
    row = {"name": name, "type": _type_name(value), "kind": _kind(value), "size": None, "repr": "", "expandable": False}
    if not budget:
        row["repr"] = "(not summarised: the page took too long)"
        return row

    def summarise():
        row["size"] = _size(value)
        row["expandable"] = _has_children(value)
        # A repr written in Python is called directly (reprlib would hide its running out of time).
        custom = isinstance(getattr(type(value), "__repr__", None), types.FunctionType)
        row["repr"] = _short(repr(value) if custom else _repr.repr(value))

    try:
        _bounded(summarise, VALUE_BUDGET_S)
    except TimeUp:
        row["repr"] = f"(its repr took over {VALUE_BUDGET_S * 1000:.0f} ms: not shown)"
    except BaseException as err:  # a broken __repr__ or __len__ is the user's: shown, never raised
        if isinstance(err, KeyboardInterrupt):
            raise
        row["repr"] = f"(summarising it raised {type(err).__name__})"
    return row


def _user_names(namespace, private=False):
    if private:  # the debugger shows a frame's `_x` too, but not `__name__` and the like
        return [name for name in namespace if not (name.startswith("__") and name.endswith("__"))]
    return [name for name in namespace if not name.startswith("_")]


def _resolve(namespace, name, path):
    value = namespace[name]
    for index in path:
        parts = _children(value)
        if parts is None:
            raise LookupError("that item has no parts any more")
        for i, (_, child) in enumerate(parts):
            if i == index:
                value = child
                break
        else:
            raise LookupError("that item is gone")
    return value


def summarize(namespace, name=None, path=(), offset=0, private=False):
    """One page of rows: the namespace's names (``name`` None) or the parts of ``name`` at ``path``.

    ``private`` lists names that start with one underscore too (dunder names never).

    Returns ``{"rows": [...], "total": n or None, "offset": offset}``; total is None when the
    parts could not all be counted in time.
    """
    started = time.perf_counter()
    within = lambda: time.perf_counter() - started < PAGE_BUDGET_S  # noqa: E731
    if name is None:
        names = _user_names(namespace, private)
        rows = [_row(n, namespace[n], within()) for n in names[offset : offset + PAGE]]
        return {"rows": rows, "total": len(names), "offset": offset}
    if name not in namespace:
        raise LookupError(f"{name} is no longer defined; run the code again")

    items = []
    total = [0]

    def walk():
        parts = _children(_resolve(namespace, name, list(path))) or ()
        for i, pair in enumerate(parts):
            total[0] = i + 1
            if offset <= i < offset + PAGE:
                items.append(pair)

    complete = True
    try:
        _bounded(walk, PAGE_BUDGET_S)
    except TimeUp:
        complete = False
    rows = [_row(label, value, within()) for label, value in items]
    return {"rows": rows, "total": total[0] if complete else None, "offset": offset}


def bounded(fn, budget):
    """``fn()`` under a deadline of ``budget`` seconds (raises TimeUp past it); see ``_bounded``."""
    return _bounded(fn, budget)


def describe(name, value):
    """One row for ``value`` under ``name``, summarised within the usual budget."""
    return _row(name, value, True)
