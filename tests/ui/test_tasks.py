"""The task runner: work runs in a worker thread, its outcome comes back on the GUI thread."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from fieldguide.search.results import Cancelled
from fieldguide.ui.tasks import TaskRunner, log_error


@pytest.fixture
def tasks() -> TaskRunner:
    runner = TaskRunner()
    yield runner
    assert runner.shutdown()


def test_work_runs_in_a_worker_and_the_result_comes_back_on_the_gui_thread(
    tasks: TaskRunner, qtbot: QtBot
) -> None:
    gui = QThread.currentThread()
    seen: dict[str, object] = {}

    def op() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["done_on_gui"] = QThread.currentThread() is gui

    tasks.run(op, done)
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == 42
    assert seen["worker"] != threading.get_ident()
    assert seen["done_on_gui"] is True


def test_an_exception_goes_to_on_error_on_the_gui_thread(tasks: TaskRunner, qtbot: QtBot) -> None:
    gui = QThread.currentThread()
    errors: list[tuple[Exception, bool]] = []

    def op() -> None:
        raise ValueError("broken")

    tasks.run(op, lambda _: None, lambda exc: errors.append((exc, QThread.currentThread() is gui)))
    qtbot.waitUntil(lambda: bool(errors))
    exc, on_gui = errors[0]
    assert isinstance(exc, ValueError) and on_gui


def test_the_default_on_error_logs_failures_and_keeps_cancellation_quiet(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.DEBUG, logger="fieldguide.ui.tasks"):
        log_error(Cancelled())
        log_error(ValueError("broken"))
    levels = [(r.levelno, r.getMessage()) for r in caplog.records]
    assert levels == [(logging.DEBUG, "task cancelled"), (logging.ERROR, "background task failed")]


def test_a_failing_callback_does_not_stop_the_next_task(
    tasks: TaskRunner, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    results: list[int] = []

    def bad(_: int) -> None:
        raise RuntimeError("callback bug")

    tasks.run(lambda: 1, bad)
    tasks.run(lambda: 2, results.append)
    qtbot.waitUntil(lambda: results == [2])
    qtbot.waitUntil(lambda: "could not be shown" in caplog.text)


def test_a_worker_thread_lasts_between_tasks(qtbot: QtBot) -> None:
    """Per-thread search connections rely on this: workers do not expire between queries, and
    a thread keeps its id (though not its threading.local: see tasks.py)."""
    runner = TaskRunner(threads=1)
    got: list[int] = []
    for _ in range(3):
        runner.run(threading.get_ident, got.append)
    qtbot.waitUntil(lambda: len(got) == 3)
    assert len(set(got)) == 1
    assert got[0] != threading.get_ident()
    assert runner.pool.expiryTimeout() < 0
    assert runner.shutdown()
