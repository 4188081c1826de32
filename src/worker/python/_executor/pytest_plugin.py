"""Executor's pytest plugin: one structured record per test.

Counts are pytest's own: the terminal reporter's stats, the numbers of its
summary line ("3 passed, 1 skipped, 2 warnings"), so they equal what native
pytest prints for the same files. Without a terminal reporter (``-p no:terminal``)
the plugin counts the same reports itself.
"""

import importlib.util
import os
import sys
import traceback

import pytest

from _executor.platform_limits import platform_limit

# Worst first: a test's outcome is the worst category of its phases.
_RANK = ["error", "failed", "xpassed", "xfailed", "skipped", "passed"]


def use_hypothesis_profile():
    """Hypothesis without its deadline, when the test run has it (loaded because the project imports it).

    Hypothesis fails an example that takes over 200 ms, a figure for native CPython: in WebAssembly,
    with the first examples compiling and the browser's other work, it would fail sound tests now
    and then ("Flaky"). A profile the project loads itself (in conftest.py, which pytest has run by
    now) is left as it is. Called from ``pytest_configure``: importing Hypothesis before pytest
    registers its plugin would cost an assertion-rewrite warning.
    """
    hypothesis = sys.modules.get("hypothesis")
    if hypothesis is None:
        if importlib.util.find_spec("hypothesis") is None:
            return False
        import hypothesis
    current = getattr(hypothesis.settings, "_current_profile", "default")
    if current not in ("default", "executor"):
        return False
    hypothesis.settings.register_profile("executor", deadline=None)
    hypothesis.settings.load_profile("executor")
    return True


def _clip(text, limit):
    if text is None or len(text) <= limit:
        return text
    return text[:limit] + f"… [{len(text) - limit} characters cut]"


class RecordsPlugin:
    """Collects records and node ids; calls ``emit(kind, value)`` as tests finish."""

    def __init__(self, folder, emit, limit):
        self.folder = os.path.join(os.path.realpath(folder), "")
        self.emit = emit
        self.limit = limit
        self.records = {}
        self.order = []
        self.counts = {}
        self.collected = []
        # What collection alone contributed (pytest's categories): a run split across
        # interpreters takes these from the interpreter that collected.
        self.collect_counts = {}
        self.current = None
        self.config = None

    def _relative(self, path):
        real = os.path.realpath(str(path))
        return real[len(self.folder) :] if real.startswith(self.folder) else None

    @pytest.hookimpl
    def pytest_configure(self, config):
        self.config = config
        use_hypothesis_profile()

    @pytest.hookimpl
    def pytest_collection_finish(self, session):
        self.collected = [item.nodeid for item in session.items]

    def _count(self, category, n=1, collecting=False):
        self.counts[category] = self.counts.get(category, 0) + n
        if collecting:
            self.collect_counts[category] = self.collect_counts.get(category, 0) + n

    @pytest.hookimpl
    def pytest_collectreport(self, report):
        if report.failed:
            self._count("error", collecting=True)
            text = _clip(report.longreprtext, self.limit)
            record = self._record(report.nodeid or ".")
            record.update(
                outcome="error",
                message=f"collection failed: {text.strip().splitlines()[-1] if text.strip() else ''}",
                traceback=text,
                file=self._relative(report.fspath) if report.fspath else None,
                platform=platform_limit(text),
            )
            self._finish(record)
        elif report.skipped:
            # A module skipped while it was collected (pytest.importorskip, pytest.skip(...,
            # allow_module_level=True)): pytest counts one skip for the module.
            self._count("skipped", collecting=True)
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
            record = self._record(report.nodeid or ".")
            record.update(
                outcome="skipped",
                message=reason,
                file=self._relative(report.fspath) if report.fspath else None,
                platform=platform_limit(reason),
            )
            self._finish(record)

    @pytest.hookimpl
    def pytest_deselected(self, items):
        self._count("deselected", len(items), collecting=True)

    @pytest.hookimpl
    def pytest_warning_recorded(self, warning_message, when, nodeid, location):
        self._count("warnings", collecting=when != "runtest")

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session):
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is None:
            return
        # The reporter's own numbers: what its summary line shows, in its order.
        counts = {}
        for key, reports in reporter.stats.items():
            shown = [r for r in reports if getattr(r, "count_towards_summary", True)]
            if key and shown:
                counts[key] = len(shown)
        self.counts = counts

    @pytest.hookimpl
    def pytest_runtest_logstart(self, nodeid, location):
        self.current = nodeid
        self.emit("start", nodeid)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item, call):
        outcome = yield
        report = outcome.get_result()
        if call.excinfo is not None and not report.skipped:
            record = self._record(item.nodeid)
            if record["message"] is None:
                text = _clip(call.excinfo.exconly(), self.limit)
                # A fixture's error is the test's error, but where it happened matters.
                record["message"] = text if call.when == "call" else f"error at {call.when}: {text}"
                record["file"], record["line"] = self._failing_line(call.excinfo.tb)
                files = [frame.f_code.co_filename for frame, _ in traceback.walk_tb(call.excinfo.tb)]
                record["platform"] = platform_limit(text, files)

    def _failing_line(self, tb):
        found = (None, None)
        for frame, line in traceback.walk_tb(tb):
            relative = self._relative(frame.f_code.co_filename)
            if relative is not None:
                found = (relative, line)
        return found

    def _record(self, nodeid):
        if nodeid not in self.records:
            self.order.append(nodeid)
            self.records[nodeid] = {
                "node_id": nodeid,
                "outcome": "passed",
                "duration_ms": 0.0,
                "message": None,
                "traceback": None,
                "file": None,
                "line": None,
                "stdout": "",
                "stderr": "",
                "platform": None,
            }
        return self.records[nodeid]

    @pytest.hookimpl
    def pytest_runtest_logreport(self, report):
        category = self.config.hook.pytest_report_teststatus(report=report, config=self.config)[0]
        record = self._record(report.nodeid)
        record["duration_ms"] += report.duration * 1000.0
        if category:
            self._count(category)
            if category in _RANK and _RANK.index(category) < _RANK.index(record["outcome"]):
                record["outcome"] = category
        if report.failed and report.longrepr is not None:
            record["traceback"] = _clip(report.longreprtext, self.limit)
        if report.skipped and isinstance(report.longrepr, tuple):
            record["message"] = report.longrepr[2]
            record["platform"] = record["platform"] or platform_limit(report.longrepr[2])
        if category in ("xfailed", "xpassed") and getattr(report, "wasxfail", ""):
            record["message"] = f"xfail: {report.wasxfail}"
        if report.capstdout:
            record["stdout"] = _clip(report.capstdout, self.limit)
        if report.capstderr:
            record["stderr"] = _clip(report.capstderr, self.limit)
        if report.when == "teardown":
            self._finish(record)

    def _finish(self, record):
        self.current = None
        self.emit("record", record)

    def interrupted_record(self):
        """The record of the test that was running when the run was stopped."""
        if self.current is None:
            return None
        record = self._record(self.current)
        record.update(outcome="error", message="Stopped while running (KeyboardInterrupt)")
        self._finish(record)
        return record
