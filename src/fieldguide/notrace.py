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

_PR_SET_DUMPABLE = 4


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
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
                log.warning("Could not mark the process as not dumpable.")
        except (OSError, AttributeError) as exc:
            log.warning("Could not mark the process as not dumpable: %s", exc)
