"""Tells a platform limit from a bug: what the browser's Python cannot do.

Pyodide runs CPython in WebAssembly, in a browser worker: it has no threads, no
processes, no sockets and no signals. A test that fails or is skipped because of
that says so in its error or its skip reason; ``platform_limit`` finds it and
names what is missing, so the Tests panel can label it.
"""

import re

_BROWSER = "not available in the browser"
_PLATFORM = r"(?:emscripten|pyodide|wasm(?:32)?|webassembly|wasi)"

# (label, pattern): the first that matches the error or the skip reason wins.
_LIMITS = [
    (
        "threads",
        r"can't start new thread|can't create new thread|thread\w* (?:is|are) not (?:supported|available)"
        r"|(?:requires?|needs?) (?:threads|threading)|no threads|threading (?:is )?not available|_thread\b|cannot start a thread",
    ),
    (
        "processes",
        r"subprocess|multiprocessing|\bfork\b|posix_spawn|_posixsubprocess|ProcessPool|child process"
        r"|(?:requires?|needs?) (?:processes|subprocesses)|support processes",
    ),
    (
        "sockets",
        r"\bsocket|getaddrinfo|network (?:is )?(?:not available|unreachable)|(?:requires?|needs?) (?:the )?network",
    ),
    ("signals", r"\bsignal\b|\bsig(?:alrm|int|term|usr\d)\b|setitimer|\balarm\b"),
    # The platform named as what cannot do it, not merely mentioned: "No module named 'pyodide.tests'" is no limit.
    (
        "the platform",
        rf"(?:not (?:supported|available|implemented)|unsupported|does not work|doesn't work) (?:on|in|under|by|with) (?:the )?{_PLATFORM}"
        rf"|{_PLATFORM}\b[^.\n]{{0,40}}?\b(?:does not|doesn't|cannot|can't|lacks|is not supported|not supported|unsupported)",
    ),
]

_FUNCTION_MISSING = r"Errno (?:38|52|58|138)|Function not implemented|Not supported|not supported on this platform"

# The standard library module an error came out of says what was asked of the platform.
_MODULES = [
    ("threads", r"/(?:threading|_threading_local|queue)\.py$|/concurrent/futures/thread\.py$"),
    ("processes", r"/(?:subprocess|pty)\.py$|/multiprocessing/|/concurrent/futures/process\.py$"),
    (
        "sockets",
        r"/(?:socket|ssl|selectors|socketserver)\.py$|/http/client\.py$|/urllib/request\.py$|/asyncio/\w*(?:events|selector)\w*\.py$",
    ),
    ("signals", r"/signal\.py$"),
]


def _stdlib(filename):
    return "/lib/python3" in filename and "site-packages" not in filename


def platform_limit(text, filenames=()):
    """``"needs threads: not available in the browser"`` for an error or skip reason that shows such a
    limit (``filenames``: the files of the error's traceback, innermost last), else None."""
    if not text:
        return None
    for filename in reversed(filenames):
        if not _stdlib(filename):
            break  # the error came from the project's own code, not from asking the platform
        for name, pattern in _MODULES:
            if re.search(pattern, filename):
                return f"needs {name}: {_BROWSER}"
    for name, pattern in _LIMITS:
        if re.search(pattern, text, re.IGNORECASE):
            if name == "the platform":
                return "does not run on Pyodide (WebAssembly): a platform limit, not a bug in the code"
            return f"needs {name}: {_BROWSER}"
    if re.search(_FUNCTION_MISSING, text, re.IGNORECASE):
        return f"needs an operating-system function: {_BROWSER}"
    return None
