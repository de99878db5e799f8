"""Kiosk runs leave no trace on disk: process and environment settings made before Qt starts.

Field Guide itself writes nothing in kiosk mode (user data lives in memory, there is no QSettings).
This module stops the libraries under it from writing on their own:

- Python: no `__pycache__` files (`sys.dont_write_bytecode`).
- Qt: log messages go to standard error only (never to the system journal), no shader or
  pipeline cache on disk, and no X11 session management (which saves a restart command and
  state files for the session manager).
- Graphics drivers: Mesa's and NVIDIA's shader caches on disk are turned off.
- Crash dumps: none (a dump would hold the text the visitor was reading). POSIX: the core-file
  size limit is 0 and, on Linux, the process is marked not dumpable.

Fontconfig (not Field Guide or Qt) may still write its font-list cache under ~/.cache when the
system's own cache is out of date; it lists font files, nothing about the session.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping, MutableMapping
from typing import Any

log = logging.getLogger(__name__)

# Variable -> value to set; None = remove it.
NO_TRACE_ENVIRONMENT: dict[str, str | None] = {
    "QT_FORCE_STDERR_LOGGING": "1",
    "QT_DISABLE_SHADER_DISK_CACHE": "1",
    "MESA_SHADER_CACHE_DISABLE": "true",
    "MESA_GLSL_CACHE_DISABLE": "true",
    "__GL_SHADER_DISK_CACHE": "0",
    "SESSION_MANAGER": None,
}

_PR_GET_DUMPABLE = 3
_PR_SET_DUMPABLE = 4
# What _prctl() raises when this Python or this copy of the program cannot make the call.
_PRCTL_FAILURES = (ImportError, OSError, AttributeError, TypeError)


def environment_changes(environ: Mapping[str, str]) -> dict[str, str | None]:
    """The changes `apply_no_trace` makes to `environ` (None = remove), without making them."""
    changes: dict[str, str | None] = {}
    for name, value in NO_TRACE_ENVIRONMENT.items():
        if environ.get(name) != value:
            changes[name] = value
    return changes


def apply_no_trace(environ: MutableMapping[str, str] | None = None) -> None:
    """Make this process write nothing on its own; call it before QApplication exists."""
    target = os.environ if environ is None else environ
    for name, value in environment_changes(target).items():
        if value is None:
            target.pop(name, None)
        else:
            target[name] = value
    sys.dont_write_bytecode = True
    _no_crash_dumps()


def _no_crash_dumps() -> None:
    """No core file with the page on screen in it, whatever the machine's settings say."""
    try:
        import resource
    except ImportError:  # Windows: dumps are made only if an administrator turned them on
        return
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (OSError, ValueError) as exc:
        log.warning("Could not turn off crash dumps: %s", exc)
    if sys.platform.startswith("linux"):
        # A core-dump helper (systemd-coredump, apport) may ignore the limit; this it cannot.
        try:
            if _prctl(_PR_SET_DUMPABLE, 0) != 0:
                log.warning("Could not mark the process as not dumpable.")
        except _PRCTL_FAILURES as exc:
            log.warning("Could not mark the process as not dumpable: %s", exc)


def can_stop_crash_dumps() -> bool | None:
    """Whether this copy of the program can mark a kiosk's process as not dumpable (asks the
    kernel, changes nothing); None where there is no such mark (not Linux)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return _prctl(_PR_GET_DUMPABLE, 0) >= 0
    except _PRCTL_FAILURES:
        return False


def _prctl(option: int, value: int) -> int:
    """Linux's prctl(option, value, 0, 0, 0), called through the C part of ctypes (`_ctypes`,
    on which the ctypes package itself is built). The Linux bundle leaves the ctypes package
    out: bundled, PyInstaller's bootstrap imports it at every start (~16 M instructions, 2% of
    the start) for the one call made here, and only in a kiosk."""
    import _ctypes

    ffi: Any = _ctypes  # (typeshed types it as ctypes uses it)

    class CInt(ffi._SimpleCData):  # type: ignore[misc]  # ctypes.c_int
        _type_ = "i"

    class CFunction(ffi.CFuncPtr):  # type: ignore[misc]  # ctypes.CDLL(None, use_errno=True)'s
        _flags_ = ffi.FUNCFLAG_CDECL | ffi.FUNCFLAG_USE_ERRNO
        _restype_ = CInt

    class Process:  # the program and the libraries loaded into it (libc among them)
        _handle = ffi.dlopen(None, os.RTLD_NOW)

    result = CFunction(("prctl", Process()))(option, value, 0, 0, 0)
    return int(result)
