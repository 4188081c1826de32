"""Executor's step debugger: breakpoints, stepping, frames and their names.

Built on ``sys.monitoring`` (PEP 669), not ``sys.settrace``: a LINE callback that returns
``DISABLE`` for every line that is not a breakpoint switches that line's event off, so code
between breakpoints runs at nearly full speed after its first pass. Stepping turns the
events back on (``restart_events``) and compares the depth of frames.

When the program stops, the ``host`` (the worker, in JavaScript) is told where, and the
debugger waits for commands: pages of a frame's names, expressions to evaluate, and finally
how to go on. ``host.wait()`` blocks the worker (Atomics.wait) and returns a command's JSON,
or None when the run is stopped: then KeyboardInterrupt ends the program as Stop does.

Inside a monitoring callback CPython traces nothing (``sys.settrace`` included), so the
variable inspector's own deadline cannot work while paused. Whatever calls into the user's
objects there (a condition, an expression, a ``__repr__``) is *guarded*: the host asks the
frame to interrupt the worker after a time, and a KeyboardInterrupt that the host says was
that time running out becomes "took too long" instead of a Stop.
"""

import json
import os
import sys

from _executor import debug_failure as _failure
from _executor import runner as _runner
from _executor import variables as _variables

_MONITORING = sys.monitoring
_TOOL = _MONITORING.DEBUGGER_ID
_LINE = _MONITORING.events.LINE
_DISABLE = _MONITORING.DISABLE

#: Frames of the stack sent with a pause, innermost first.
MAX_FRAMES = 50
#: Time an evaluated expression or a breakpoint's condition may take, in seconds.
EVAL_BUDGET_S = 2.0
#: Time a page of a frame's names may take to summarise, in seconds.
PAGE_BUDGET_S = 1.5


class TooLong(Exception):
    """Guarded code ran past its time."""


def _depth(frame):
    n = 0
    while frame is not None:
        n += 1
        frame = frame.f_back
    return n


class Debugger:
    """One debug run: its breakpoints, its stepping state, and the frames of a pause."""

    def __init__(self, host, breakpoints, main_file, folder, stop_on_failure=False):
        self.host = host
        self.stop_on_failure = stop_on_failure
        self.main_file = main_file
        self.folder = os.path.join(os.path.realpath(folder), "")
        self.files = {}
        self.breakpoints = {}
        self.set_breakpoints(breakpoints)
        # (action, depth of the frame it started in) while stepping, else None.
        self.step = None
        # True while paused or evaluating: lines run by an evaluation never stop.
        self.busy = False
        self.frames = []
        self.scopes = {}
        # True while paused where an exception ended the program: there is nothing to step through.
        self.post_mortem = False

    # ------------------------------------------------------------------ set-up

    def set_breakpoints(self, breakpoints):
        self.breakpoints = {(b["file"], int(b["line"])): b for b in breakpoints}

    def start(self):
        if _MONITORING.get_tool(_TOOL) is not None:
            # A debug run that ended abnormally (the interpreter was interrupted in between) left it taken.
            _MONITORING.set_events(_TOOL, 0)
            _MONITORING.free_tool_id(_TOOL)
        _MONITORING.use_tool_id(_TOOL, "executor-debugger")
        _MONITORING.register_callback(_TOOL, _LINE, self._line)
        _MONITORING.set_events(_TOOL, _LINE)
        _MONITORING.restart_events()
        if self.stop_on_failure:
            _runner.failure_hook = self.stop_at_failure

    def close(self):
        if _runner.failure_hook == self.stop_at_failure:
            _runner.failure_hook = None
        if _MONITORING.get_tool(_TOOL) is None:
            return
        _MONITORING.set_events(_TOOL, 0)
        _MONITORING.register_callback(_TOOL, _LINE, None)
        _MONITORING.free_tool_id(_TOOL)
        self.frames = []
        self.scopes = {}

    # ---------------------------------------------------------------- events

    def _file_of(self, code):
        """The project-relative path of a code object's file, or None when it is not the project's."""
        try:
            return self.files[code]
        except KeyError:
            pass
        name = code.co_filename
        found = None
        if name == self.main_file:
            found = name
        elif os.path.isabs(name):
            real = os.path.realpath(name)
            if real.startswith(self.folder):
                found = os.path.relpath(real, self.folder)
        self.files[code] = found
        return found

    def _line(self, code, line):
        if self.busy:
            return None
        file = self._file_of(code)
        if file is None:
            return _DISABLE
        frame = sys._getframe(1)
        if self.step is not None and self._step_ends(frame):
            self._pause(frame, file, line, "step", None)
            return None
        point = self.breakpoints.get((file, line))
        if point is None:
            # While stepping a line may be wanted again in another frame (recursion): never switch it off then.
            return None if self.step is not None else _DISABLE
        condition = point.get("condition")
        if condition:
            hit, problem = self._condition(frame, condition)
            if problem is not None:
                self._pause(frame, file, line, "condition-error", problem)
                return None
            if not hit:
                return None
        if point.get("temporary"):
            del self.breakpoints[(file, line)]
        self._pause(frame, file, line, "breakpoint", None)
        return None

    def _step_ends(self, frame):
        action, depth = self.step
        if action == "step-into":
            return True
        here = _depth(frame)
        return here <= depth if action == "step-over" else here < depth

    def _guarded(self, budget, fn):
        """``fn()``, interrupted by the frame after ``budget`` seconds (raises TooLong then)."""
        self.host.guard(int(budget * 1000))
        try:
            return fn()
        except KeyboardInterrupt:
            if self.host.timed_out():
                raise TooLong() from None
            raise
        finally:
            self.host.guard(0)

    def _condition(self, frame, condition):
        self.busy = True
        try:
            code = compile(condition, "<condition>", "eval")
            return bool(self._guarded(EVAL_BUDGET_S, lambda: eval(code, frame.f_globals, frame.f_locals))), None
        except TooLong:
            return False, f"The condition {condition!r} took over {EVAL_BUDGET_S:.0f} s."
        except KeyboardInterrupt:
            raise
        except BaseException as exc:
            return False, f"The condition {condition!r} raised {type(exc).__name__}: {exc}"
        finally:
            self.busy = False

    # ----------------------------------------------------------------- pause

    def _stack(self, frame):
        frames = []
        while frame is not None and len(frames) < MAX_FRAMES:
            file = self._file_of(frame.f_code)
            if file is not None:
                frames.append(frame)
            frame = frame.f_back
        return frames

    def stop_at_failure(self, exc):
        """Pause in the innermost project frame of ``exc``'s traceback, at the line that raised (post mortem)."""
        point = None if self.busy else _failure.failure_point(exc, self._file_of, MAX_FRAMES)
        if point is None:
            return
        stack, message = point
        frame, line = stack[0]
        self.post_mortem = True
        try:
            self._pause(frame, self._file_of(frame.f_code), line, "exception", message, stack)
        finally:
            self.post_mortem = False

    def _pause(self, frame, file, line, reason, message, stack=None):
        self.busy = True
        self.step = None
        try:
            _runner.flush_streams()  # what the program printed shows before the pause
            if stack is None:
                stack = [(f, f.f_lineno or 0) for f in self._stack(frame)]
            self.frames = [f for f, _ in stack]
            self.scopes = {}
            payload = {
                "reason": reason,
                "message": message,
                "file": file,
                "line": line,
                "frames": [
                    {"name": f.f_code.co_qualname, "file": self._file_of(f.f_code), "line": at} for f, at in stack
                ],
                "locals": self._page(0, "locals", None, (), 0),
            }
            self.host.paused(json.dumps(payload))
            while True:
                text = self.host.wait()
                if text is None:
                    raise KeyboardInterrupt
                command = json.loads(text)
                if command["kind"] == "resume":
                    self._resume(command, frame)
                    return
                self.host.answer(command["requestId"], json.dumps(self._answer(command)))
        finally:
            self.busy = False
            self.frames = []
            self.scopes = {}

    def _resume(self, command, frame):
        self.set_breakpoints(command["breakpoints"])
        action = command["action"]
        if action != "continue" and not self.post_mortem:
            self.step = (action, _depth(frame))
        # Lines switched off before may be breakpoints now, or wanted by the step.
        _MONITORING.restart_events()

    def _answer(self, command):
        try:
            if command["kind"] == "variables":
                request = command["request"]
                value = self._page(
                    command["frame"], command["scope"], request["name"], request["path"], request["offset"]
                )
            elif command["kind"] == "evaluate":
                value = self._evaluate(command["frame"], command["expression"])
            else:
                raise ValueError(f"unknown request {command['kind']!r}")
            return {"ok": True, "value": value}
        except KeyboardInterrupt:
            raise
        except LookupError as exc:
            return {"ok": False, "error": str(exc.args[0]) if exc.args else type(exc).__name__}
        except BaseException as exc:
            return {"ok": False, "error": f"{type(exc).__name__}: {exc}"}

    def _frame(self, index):
        if not 0 <= index < len(self.frames):
            raise LookupError("that frame is gone: the program has moved on")
        return self.frames[index]

    def _scope(self, index, scope):
        key = (index, scope)
        if key not in self.scopes:
            frame = self._frame(index)
            # A snapshot per pause: the paths of a value's parts stay valid while the user looks. pytest's
            # assertion rewriting leaves @py_assert1-like temporaries in a test's frame: not the user's names.
            names = frame.f_locals if scope == "locals" else frame.f_globals
            self.scopes[key] = {k: v for k, v in names.items() if not k.startswith("@py_")}
        return self.scopes[key]

    def _page(self, index, scope, name, path, offset):
        if not self.frames:
            return {"rows": [], "total": 0, "offset": 0}
        names = self._scope(index, scope)
        try:
            return self._guarded(
                PAGE_BUDGET_S, lambda: _variables.summarize(names, name, list(path), offset, private=True)
            )
        except TooLong:
            if name is not None:
                raise LookupError(
                    f"listing its parts took over {PAGE_BUDGET_S} s (a __repr__ or __len__ that loops?)"
                ) from None
            # The names themselves, without calling into any of them.
            keys = [k for k in names if not (k.startswith("__") and k.endswith("__"))]
            rows = [
                {
                    "name": k,
                    "type": type(names[k]).__name__,
                    "kind": "value",
                    "size": None,
                    "repr": f"(not summarised: the names took over {PAGE_BUDGET_S} s)",
                    "expandable": False,
                }
                for k in keys[offset : offset + _variables.PAGE]
            ]
            return {"rows": rows, "total": len(keys), "offset": offset}

    def _evaluate(self, index, expression):
        frame = self._frame(index)
        try:
            code = compile(expression, "<evaluate>", "eval")
            statement = False
        except SyntaxError:
            code = compile(expression, "<evaluate>", "exec")  # `x = 5`: a statement, run in the frame
            statement = True
        try:
            value = self._guarded(EVAL_BUDGET_S, lambda: eval(code, frame.f_globals, frame.f_locals))
            # Names may have changed: the next page of the frame's names is listed afresh.
            self.scopes = {}
            if statement:
                return _variables.describe(expression, None) | {"repr": "(done)"}
            return self._guarded(PAGE_BUDGET_S, lambda: _variables.describe(expression, value))
        except TooLong:
            raise RuntimeError(f"it took over {EVAL_BUDGET_S:.0f} s and was stopped") from None


_session = None


def start(host, breakpoints_json, main_file, folder, stop_on_failure=False):
    """Turn the debugger on for the run that starts now (``stop_on_failure``: also where it fails); ``close()`` it after."""
    global _session
    if _session is not None:
        _session.close()
    _session = Debugger(host, json.loads(breakpoints_json), main_file, folder, stop_on_failure)
    _session.start()
    return _session


def stop():
    """Turn the debugger off (after the run)."""
    global _session
    if _session is not None:
        _session.close()
        _session = None


def run_test(node_id, namespace, filename, publisher=None):
    """Run one pytest node under the debugger as a program; the same record as ``runner.run``."""
    return _failure.run_test(node_id, namespace, filename, publisher, _session)
