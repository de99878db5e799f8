"""What kiosk mode changes in the environment before Qt starts (the process-wide part is checked
in a real kiosk run by tests/ui/test_kiosk_no_trace.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from fieldguide.notrace import NO_TRACE_ENVIRONMENT, environment_changes


def test_logging_goes_to_stderr_and_caches_are_off() -> None:
    changes = environment_changes({})
    assert changes["QT_FORCE_STDERR_LOGGING"] == "1"
    assert changes["QT_DISABLE_SHADER_DISK_CACHE"] == "1"
    assert changes["MESA_SHADER_CACHE_DISABLE"] == "true"


def test_session_management_is_dropped() -> None:
    changes = environment_changes({"SESSION_MANAGER": "local/host:@/tmp/.ICE-unix/42"})
    assert changes["SESSION_MANAGER"] is None
    assert "SESSION_MANAGER" not in environment_changes({})


def test_nothing_to_change_when_already_set() -> None:
    ready = {k: v for k, v in NO_TRACE_ENVIRONMENT.items() if v is not None}
    assert environment_changes(ready) == {}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a mark of Linux processes")
def test_a_kiosk_process_is_marked_not_dumpable_without_the_ctypes_package() -> None:
    # In a fresh interpreter with the ctypes package hidden, as in the Linux bundle.
    script = (
        "import sys; sys.modules['ctypes'] = None\n"
        "from fieldguide import notrace\n"
        "assert notrace.can_stop_crash_dumps() is True\n"
        "before = notrace._prctl(notrace._PR_GET_DUMPABLE, 0)\n"
        "notrace.apply_no_trace({})\n"
        "print(before, notrace._prctl(notrace._PR_GET_DUMPABLE, 0))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "0"]
    assert "not dumpable" not in done.stderr
