"""Runs user code in a persistent namespace.

``run`` executes a program the way a terminal would, but keeps the value of a
trailing expression (like the REPL) and turns any exception into a plain record
that the page can show. Values come in as arguments, never pasted into code.
"""

import ast
import builtins
import inspect
import linecache
import sys
import time
import traceback

from _executor import display as _display
from _executor import policy as _policy

_THIS_FILE = __file__

# display() is there for user code without an import, as in a notebook.
builtins.display = _display.display


def new_namespace():
    """A fresh ``__main__``-like namespace for user code."""
    import builtins

    return {"__name__": "__main__", "__builtins__": builtins, "__doc__": None}


#: Called with an exception that ends a run, while its frames are alive (the debugger stops there); or None.
failure_hook = None


def _user_traceback(exc):
    """The traceback from the first frame that is not this runner's."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename == _THIS_FILE:
        tb = tb.tb_next
    return _policy.without_policy_frames(tb)


def _error_line(exc, tb, filename):
    if isinstance(exc, SyntaxError) and getattr(exc, "filename", None) == filename:
        return exc.lineno
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def describe_error(exc, filename):
    """Type, message, formatted traceback and the user's line for an exception."""
    tb = _user_traceback(exc)
    text = "".join(traceback.format_exception(type(exc), exc, tb))
    return {
        "type": type(exc).__name__,
        "message": str(exc),
        "traceback": text,
        "line": _error_line(exc, tb, filename),
    }


def flush_streams():
    """Flush stdout and stderr (whatever the user replaced them with)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # a user may have replaced the stream with anything
            pass


def _compile(source, filename):
    """The program without its trailing expression, and that expression (or None).

    Top-level ``await`` is allowed, as in a notebook: such code compiles to a
    coroutine that the caller awaits.
    """
    flags = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
    tree = ast.parse(source, filename, "exec")
    trailing = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        trailing = ast.Expression(tree.body.pop().value)
        trailing = compile(trailing, filename, "eval", flags=flags)
    return compile(tree, filename, "exec", flags=flags), trailing


def _is_async(code):
    return bool(code is not None and code.co_flags & inspect.CO_COROUTINE)


class _Run:
    """One run's bookkeeping, shared by the sync and async paths."""

    def __init__(self, source, namespace, filename):
        self.source = source
        self.namespace = namespace
        self.filename = filename
        self.result = {"value": None, "error": None, "cpu_ms": 0.0}
        self.cpu_start = time.process_time()

    def keep_value(self, value):
        if value is not None:
            self.namespace["_"] = value
            bundle = _display.mime_bundle(value)
            self.result["value"] = bundle["text/plain"]
            if _display.is_rich(bundle):
                _display.publish(bundle, "result")

    def fail(self, exc):
        if isinstance(exc, SystemExit) and exc.code in (None, 0):
            return  # sys.exit() / sys.exit(0) is a normal end
        if failure_hook is not None and not isinstance(exc, (KeyboardInterrupt, SystemExit, MemoryError)):
            failure_hook(exc)
        self.result["error"] = describe_error(exc, self.filename)
        # As the REPL does, so handle_error can look at the failing frame (_executor/suggest.py); only for
        # lookups, so a MemoryError's or an interrupt's frames (and their data) are never kept alive.
        sys.last_exc = exc if isinstance(exc, (LookupError, NameError)) else None

    def done(self):
        try:
            _display.flush_figures()  # figures left open show at the end, as in a notebook
        except BaseException as exc:  # a broken figure must not hide the run's own result
            if self.result["error"] is None:
                self.fail(exc)
        _display.set_publisher(None)
        flush_streams()
        self.result["cpu_ms"] = (time.process_time() - self.cpu_start) * 1000.0
        return self.result


async def _run_async(run, body, trailing):
    try:
        outcome = eval(body, run.namespace)
        if inspect.isawaitable(outcome):
            await outcome
        if trailing is not None:
            value = eval(trailing, run.namespace)
            if inspect.isawaitable(value) and _is_async(trailing):
                value = await value
            run.keep_value(value)
    except BaseException as exc:  # KeyboardInterrupt and MemoryError included
        run.fail(exc)
    return run.done()


def run(source, namespace, filename="main.py", publisher=None):
    """Execute ``source`` in ``namespace``.

    Returns a dict with ``value`` (repr of a trailing expression, or None),
    ``error`` (see ``describe_error``, or None) and ``cpu_ms``; for code with
    top-level ``await``, a coroutine that returns that dict. ``publisher``
    receives rich outputs (see ``_executor.display``) as they happen.
    """
    _display.set_publisher(publisher)
    state = _Run(source, namespace, filename)
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    try:
        body, trailing = _compile(source, filename)
        if _is_async(body) or _is_async(trailing):
            return _run_async(state, body, trailing)
        exec(body, namespace)
        if trailing is not None:
            state.keep_value(eval(trailing, namespace))
    except BaseException as exc:  # KeyboardInterrupt and MemoryError included
        state.fail(exc)
    return state.done()


def run_callable(fn, namespace, filename, publisher=None):
    """Call ``fn()`` with a run's bookkeeping; returns the same record as ``run`` (no value)."""
    _display.set_publisher(publisher)
    state = _Run("", namespace, filename)
    try:
        fn()
    except BaseException as exc:  # KeyboardInterrupt and MemoryError included
        state.fail(exc)
    return state.done()


def cancel_background():
    """Cancel the asyncio tasks a run left pending.

    Returns None when there are none, else a coroutine that waits until they have
    finished cancelling and returns how many there were. A task that refuses to end
    keeps its run open, so the run's time limit stops it like any program.
    """
    asyncio = sys.modules.get("asyncio")
    if asyncio is None:  # a program that never imported asyncio left no tasks
        return None
    loop = asyncio.get_event_loop()
    tasks = [t for t in asyncio.all_tasks(loop) if not t.done()]
    if not tasks:
        return None
    for task in tasks:
        task.cancel()

    async def wait():
        await asyncio.wait(tasks)
        return len(tasks)

    return wait()


def after_restore(home):
    """Make a restored interpreter as fresh as a booted one.

    Every restore starts from the same bytes: reseed ``random`` from the OS
    (``crypto.getRandomValues``), and set the environment, which Pyodide does not
    apply on a restore. The hash seed cannot change after start-up.
    """
    import os
    import random

    random.seed()
    os.environ["HOME"] = home
