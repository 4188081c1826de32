"""Where a program or a test failed, for the debugger's post-mortem pause.

A test fails inside pytest, which catches the exception: pytest calls ``pytest_exception_interact`` where
``--pdb`` would start, while the failing frames are alive, and the plugin here hands the exception to the debug
run. A program's own exception reaches the debugger through ``runner.failure_hook``.
"""

from _executor import runner as _runner

#: Longest message of a pause, in characters.
MAX_MESSAGE = 2000


def failure_point(exc, file_of, limit):
    """The project frames of ``exc``'s traceback, innermost first, as (frame, line), and its message; None outside the project."""
    stack = []
    tb = exc.__traceback__
    while tb is not None:
        if file_of(tb.tb_frame.f_code) is not None:
            stack.append((tb.tb_frame, tb.tb_lineno))
        tb = tb.tb_next
    if not stack:
        return None  # raised outside the project's code (a syntax error, an import of a missing module)
    message = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    if len(message) > MAX_MESSAGE:
        message = message[: MAX_MESSAGE - 1] + "…"
    return stack[::-1][:limit], message


class _StopAtFailure:
    """The pytest plugin that hands a failing test's exception to the debug run."""

    def __init__(self, session):
        self.session = session

    def pytest_exception_interact(self, node, call, report):
        if self.session is not None and self.session.stop_on_failure and call.excinfo is not None:
            self.session.stop_at_failure(call.excinfo.value)


def run_test(node_id, namespace, filename, publisher, session):
    """Run one pytest node under the debug run ``session`` as a program; the same record as ``runner.run``."""
    plugin = _StopAtFailure(session)

    def one_test():
        import pytest

        # -s: what the test prints shows as it happens, before each pause.
        code = int(pytest.main(["-p", "no:cacheprovider", "-q", "-s", node_id], plugins=[plugin]))
        if code == int(pytest.ExitCode.INTERRUPTED):
            raise KeyboardInterrupt
        if code != 0:
            raise SystemExit(f"pytest exited with code {code} ({pytest.ExitCode(code).name})")

    return _runner.run_callable(one_test, namespace, filename, publisher)
