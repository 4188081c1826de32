"""Safe mode at run time: the module allowlist, forbidden builtins and the file-system guard.

``activate`` installs the policy for one run and ``deactivate`` lifts it. Only
*user code* is restricted: code whose file is not part of the interpreter's own
library (``/lib/...``) or Executor's (``/opt/executor/...``). So numpy importing
its own submodules, pytest importing pluggy or the runner calling ``compile``
work as before, while the same calls from the user's program raise.

This is a guard against accidents and a teaching aid. The security guarantee is
the browser boundary around the interpreter (opaque-origin frame, CSP, worker).
"""

import builtins
import importlib
import os
import sys

# Never importable by user code in safe mode, whatever the allowlist says:
# they lead out of Python into the JavaScript world or install code.
HARD_BLOCKED = frozenset({"js", "pyodide_js", "pyodide", "_pyodide", "_pyodide_core", "micropip", "pyodide_http"})
# Executor's own tooling, importable by user code (test files import pytest;
# `from executor import display`).
# `builtins` too: pytest's assertion rewriting imports it into test modules, and
# the forbidden functions are guarded on the builtins module itself.
TOOLING = frozenset({"_executor", "executor", "pytest", "_pytest", "builtins"})
_TRUSTED_PREFIXES = ("/lib/", "/opt/executor/", "<frozen ")
# Writable devices (logging and pytest open /dev/null).
_DEVICES = ("/dev/null", "/dev/stdout", "/dev/stderr")
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
_PATH_EVENTS = {
    "os.remove": (0,),
    "os.rmdir": (0,),
    "os.mkdir": (0,),
    "os.rename": (0, 1),
    "os.chmod": (0,),
    "os.truncate": (0,),
    "os.utime": (0,),
    "os.symlink": (1,),
    "os.link": (1,),
    "shutil.rmtree": (0,),
    "shutil.copyfile": (1,),
    "shutil.move": (1,),
}


class SecurityViolation(ImportError):
    """Raised when user code does something the safe-mode policy forbids.

    ``module`` is the module concerned (or None), ``rule`` the policy rule:
    ``module-allowlist``, ``blocked-module`` or ``forbidden-function``.
    """

    def __init__(self, message, module=None, rule=None):
        super().__init__(message, name=module)
        self.module = module
        self.rule = rule


class FileSystemViolation(PermissionError):
    """Raised when user code writes outside the session's working folder (rule ``filesystem``)."""

    rule = "filesystem"


# Reachable as builtins (and shown without a module prefix in tracebacks), so
# `except SecurityViolation:` works in any program.
SecurityViolation.__module__ = FileSystemViolation.__module__ = "builtins"
builtins.SecurityViolation = SecurityViolation
builtins.FileSystemViolation = FileSystemViolation

_state = {"active": False, "allowed": frozenset(), "roots": (), "saved": {}}
_hook_installed = False


def is_user_file(filename):
    """True for code the user wrote (their program, their files, exec'd strings)."""
    return not str(filename).startswith(_TRUSTED_PREFIXES)


def _user_caller(depth=2):
    try:
        return is_user_file(sys._getframe(depth).f_code.co_filename)
    except ValueError:
        return False


def _is_session_module(top):
    """A module that is one of the session's own files in the working folder."""
    cwd = os.getcwd()
    return os.path.exists(os.path.join(cwd, top + ".py")) or os.path.isdir(os.path.join(cwd, top))


def check_module(name):
    """Raises SecurityViolation unless user code may import ``name`` under the active policy."""
    top = name.split(".")[0]
    if top in HARD_BLOCKED:
        raise SecurityViolation(
            f"import of '{name}' is blocked in safe mode (rule blocked-module): it leads out of Python into "
            "the browser's JavaScript. Turn off safe mode in Settings if you need it.",
            module=name,
            rule="blocked-module",
        )
    if top in _state["allowed"] or top in TOOLING or _is_session_module(top):
        return
    raise SecurityViolation(
        f"import of '{name}' is not allowed in safe mode (rule module-allowlist): '{top}' is not in "
        "ALLOWED_MODULES or the safe standard library. Add it to the allowed modules in Settings, "
        "or turn off safe mode.",
        module=name,
        rule="module-allowlist",
    )


def _guarded_import(real):
    def __import__(name, globals=None, locals=None, fromlist=(), level=0):
        if level == 0 and _state["active"] and _user_caller():
            check_module(name)
        return real(name, globals, locals, fromlist, level)

    return __import__


def _guarded_import_module(real):
    def import_module(name, package=None):
        if _state["active"] and not name.startswith(".") and _user_caller():
            check_module(name)
        return real(name, package)

    return import_module


def _guarded_builtin(name, real):
    def guarded(*args, **kwargs):
        if _state["active"] and _user_caller():
            raise SecurityViolation(
                f"{name}() is forbidden in safe mode (rule forbidden-function, FORBIDDEN_FUNCTIONS). "
                "Remove the call, or take it off the forbidden functions in Settings.",
                rule="forbidden-function",
            )
        return real(*args, **kwargs)

    guarded.__name__ = name
    guarded.__qualname__ = name
    guarded.__doc__ = real.__doc__
    return guarded


def _inside(path, roots):
    return any(path == root or path.startswith(root.rstrip("/") + "/") for root in roots)


def _check_path(event, path):
    if isinstance(path, int) or path is None:
        return
    try:
        full = os.path.realpath(os.fsdecode(path))
    except (TypeError, ValueError):
        return
    if not _inside(full, _state["roots"]):
        raise FileSystemViolation(
            f"{event}: writing to {full} is not allowed in safe mode (rule filesystem): only the session's "
            f"working folder {_state['roots'][0]} (and the temporary folder) can be changed. Use a relative path."
        )


def _audit(event, args):
    if not _state["active"]:
        return
    if event == "open":
        path, mode, flags = args
        writes = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and flags & _WRITE_FLAGS
        )
        if writes:
            _check_path("open", path)
    elif event in _PATH_EVENTS:
        for index in _PATH_EVENTS[event]:
            if index < len(args):
                _check_path(event, args[index])


def activate(allowed_modules, forbidden_functions, workdir, tempdir="/tmp"):
    """Installs the policy for one run. Values come from the page as arguments."""
    global _hook_installed
    if _state["active"]:
        deactivate()
    if not _hook_installed:
        sys.addaudithook(_audit)  # cannot be removed: it checks _state["active"]
        _hook_installed = True
    saved = {"__import__": builtins.__import__, "import_module": importlib.import_module}
    builtins.__import__ = _guarded_import(saved["__import__"])
    importlib.import_module = _guarded_import_module(saved["import_module"])
    # A direct __import__() call is refused by validate_code before the run; at
    # run time import statements need it too, so only the allowlist applies to it.
    for name in forbidden_functions:
        real = getattr(builtins, name, None)
        if callable(real) and name != "__import__":
            saved[name] = real
            setattr(builtins, name, _guarded_builtin(name, real))
    _state["saved"] = saved
    _state["allowed"] = frozenset(allowed_modules)
    _state["roots"] = tuple(os.path.realpath(p) for p in (workdir, tempdir)) + _DEVICES
    _state["active"] = True


def deactivate():
    """Lifts the policy: the real builtins and importers come back."""
    if not _state["active"]:
        return
    _state["active"] = False
    saved = _state["saved"]
    builtins.__import__ = saved.pop("__import__")
    importlib.import_module = saved.pop("import_module")
    for name, real in saved.items():
        setattr(builtins, name, real)
    _state["saved"] = {}


def without_policy_frames(tb):
    """The traceback ``tb`` without this module's frames (the guards' wrappers are noise to the user)."""
    while tb is not None and tb.tb_frame.f_code.co_filename == __file__:
        tb = tb.tb_next
    node = tb
    while node is not None:
        following = node.tb_next
        while following is not None and following.tb_frame.f_code.co_filename == __file__:
            following = following.tb_next
        node.tb_next = following
        node = following
    return tb


def is_active():
    """True while a run is under the policy."""
    return _state["active"]
