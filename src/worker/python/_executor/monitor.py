"""Measures one run: Python allocations (tracemalloc), live samples and cProfile.

``begin`` starts what the run asked for and ``end`` stops it and returns the
measurements. Live samples come from a ``gc`` callback: the collector runs every
few thousand container allocations, so a program that allocates is sampled
often while one that only computes (and so does not change its memory) costs
nothing. The callback only reads a clock unless ``interval`` seconds have
passed, so its cost is negligible next to the collection itself.
"""

import gc
import os
import time
import tracemalloc

MB = 1024 * 1024
# Executor's own Python (/opt/executor/): safe mode's audit hooks run inside the
# program's frames, but their time is not the program's to optimise.
_OWN_PREFIX = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep

_state = None


def _on_gc(phase, info):
    st = _state
    if st is None or phase != "start":
        return
    now = time.perf_counter()
    if now - st["last"] < st["interval"]:
        return
    st["last"] = now
    try:
        st["sample"](python_mb())
    except Exception:  # a sample must never break the program
        pass


def python_mb():
    """Python allocations traced now, in MB, or None when tracemalloc is off."""
    if not tracemalloc.is_tracing():
        return None
    return tracemalloc.get_traced_memory()[0] / MB


def begin(collect, profile, sample=None, interval=0.25, trace=False):
    """Starts measuring a run.

    ``collect``: send live samples through ``sample(python_mb)`` at most every
    ``interval`` seconds. ``trace``: trace Python allocations with tracemalloc
    (exact Python peak; allocation-heavy code runs 3-5x slower under it).
    ``profile``: run under cProfile.
    """
    global _state
    end("")
    st = {"sample": sample, "interval": interval, "last": time.perf_counter(), "tracing": False, "profiler": None}
    if collect and trace:
        if not tracemalloc.is_tracing():
            tracemalloc.start()
            st["tracing"] = True
        tracemalloc.reset_peak()
    if collect and sample is not None:
        gc.callbacks.append(_on_gc)
    _state = st
    if profile:
        import cProfile

        st["profiler"] = cProfile.Profile()
        st["profiler"].enable()


def end(filename, limit=300):
    """Stops measuring; returns ``python_peak_mb`` and ``profile`` (see profile_report)."""
    global _state
    st = _state
    _state = None
    if st is None:
        return {"python_peak_mb": None, "profile": None}
    profiler = st["profiler"]
    if profiler is not None:
        profiler.disable()
    try:
        gc.callbacks.remove(_on_gc)
    except ValueError:
        pass
    peak = None
    if tracemalloc.is_tracing():
        peak = tracemalloc.get_traced_memory()[1] / MB
        if st["tracing"]:
            tracemalloc.stop()  # the program may have started tracing itself: leave it on then
    report = profile_report(profiler, filename, limit) if profiler is not None else None
    return {"python_peak_mb": peak, "profile": report}


def _key(func):
    file, line, name = func
    return f"{file}:{line}({name})"


def _name(func):
    file, _line, name = func
    if file == "~" and name.startswith("<") and name.endswith(">"):
        return name[1:-1]  # "<built-in method builtins.len>" -> "built-in method builtins.len"
    return name


def _snapshot_stats(profiler):
    """cProfile's ``snapshot_stats``, except that code objects sharing a label stay apart.

    cProfile labels a function ``(file, first line, name)``. The runner compiles a
    program's trailing expression on its own, so it is a second ``<module>`` of the
    same file that starts on line 1 too: under cProfile's labels one entry replaced
    the other and the program seemed to take no time. Module code is labelled with
    the line its first statement is on instead.
    """
    owners = {}

    def first_line(code):
        # The line of its first instruction after RESUME (which carries the line it was compiled with).
        lines = [line for start, _, line in code.co_lines() if start > 0 and line]
        return lines[0] if lines else code.co_firstlineno

    def label(code):
        if isinstance(code, str):
            return ("~", 0, code)
        line = first_line(code) if code.co_name == "<module>" else code.co_firstlineno
        key = (code.co_filename, line, code.co_name)
        while owners.setdefault(key, code) is not code:
            key = (key[0], key[1] + 1, key[2])
        return key

    entries = profiler.getstats()
    labels = {id(entry.code): label(entry.code) for entry in entries}
    stats = {}
    callers_of = {}
    for entry in entries:
        callers = {}
        callers_of[id(entry.code)] = callers
        nc = entry.callcount
        stats[labels[id(entry.code)]] = (nc - entry.reccallcount, nc, entry.inlinetime, entry.totaltime, callers)
    for entry in entries:
        func = labels[id(entry.code)]
        for sub in entry.calls or ():
            callers = callers_of.get(id(sub.code))
            if callers is None:
                continue
            nc, cc, tt, ct = sub.callcount, sub.callcount - sub.reccallcount, sub.inlinetime, sub.totaltime
            if func in callers:
                prev = callers[func]
                nc, cc, tt, ct = nc + prev[0], cc + prev[1], tt + prev[2], ct + prev[3]
            callers[func] = (nc, cc, tt, ct)
    return stats


def profile_report(profiler, filename, limit=300):
    """The functions reached from ``filename``'s ``<module>`` code, heaviest first.

    Only what the program itself called counts: the runner's compiling and
    bookkeeping around it are left out.
    """
    stats = _snapshot_stats(
        profiler
    )  # {func: (primitive calls, calls, own s, cumulative s, {caller: (nc, pc, own, cum)})}
    roots = sorted((f for f in stats if f[0] == filename and f[2] == "<module>"), key=lambda f: f[1])
    callees = {}
    for func, (_, _, _, _, callers) in stats.items():
        for caller in callers:
            callees.setdefault(caller, []).append(func)
    reached = set(roots)
    todo = list(roots)
    while todo:
        for callee in callees.get(todo.pop(), ()):
            if callee not in reached and not callee[0].startswith(_OWN_PREFIX):
                reached.add(callee)
                todo.append(callee)
    ordered = sorted(reached, key=lambda f: stats[f][3], reverse=True)
    kept = ordered[:limit]
    kept_set = set(kept)
    functions = []
    for func in kept:
        cc, nc, tt, ct, callers = stats[func]
        functions.append(
            {
                "key": _key(func),
                "name": _name(func),
                "file": func[0],
                "line": func[1],
                "calls": nc,
                "primitiveCalls": cc,
                "ownMs": tt * 1000.0,
                "cumMs": ct * 1000.0,
                "callers": [
                    {"key": _key(c), "calls": e[1], "ownMs": e[2] * 1000.0, "cumMs": e[3] * 1000.0}
                    for c, e in callers.items()
                    if c in kept_set
                ],
            }
        )
    return {
        "roots": [_key(f) for f in roots],
        "totalMs": sum(stats[f][3] for f in roots) * 1000.0,
        "functions": functions,
        "omitted": len(ordered) - len(kept),
    }
