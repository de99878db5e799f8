"""Run the reader to its first paint and say what the paint needed (for test_first_paint.py).

    python tests/ui/first_paint_probe.py start [fieldguide args...]   the program's own start
    python tests/ui/first_paint_probe.py reading DATA_DB                reopening a saved page

Prints one JSON line at the first paint: whether PySide6 made its Qt namespace, the Qt classes
PySide6 made, the modules imported, and the page shown; then exits at once, before anything
the window does after its first paint.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def report(slug: str) -> None:
    from PySide6 import QtCore, QtGui, QtWidgets

    made = sorted(
        f"{module.__name__.rsplit('.', 1)[1]}.{name}"
        for module in (QtCore, QtGui, QtWidgets)
        for name in module.__dict__
        if name.startswith("Q")
    )
    line = {
        "qt_namespace": "Qt" in QtCore.__dict__,
        "qt_classes": made,
        "modules": sorted(sys.modules),
        "slug": slug,
        # threads of the process so far (Linux: one entry per thread; None elsewhere)
        "threads": len(os.listdir("/proc/self/task")) if os.path.isdir("/proc/self/task") else None,
    }
    out = sys.__stdout__
    assert out is not None
    out.write(json.dumps(line) + "\n")
    out.flush()
    os._exit(0)


def start(args: list[str]) -> None:
    """The real program with --exit-after-start: its first-paint line ends the probe."""

    class FirstPaint:
        def write(self, text: str) -> int:
            if "first-paint" in text:
                report(json.loads(text)["slug"])
            return len(text)

        def flush(self) -> None:
            pass

    real = sys.stdout
    sys.stdout = FirstPaint()  # type: ignore[assignment]
    from fieldguide.cli import main

    try:
        main(["--exit-after-start", *args])
    finally:
        sys.stdout = real


def reading(db: Path) -> None:
    """The window as app.py builds it on saved data (the page last read opens again)."""
    from fieldguide import app, paths, qt_start
    from fieldguide.config import load_config
    from fieldguide.helpinfo import LocalHelpService
    from fieldguide.startup import open_library
    from fieldguide.ui.lean import once

    qt_app = qt_start.qt_application()
    config, _ = load_config(None)
    library, stored = open_library(paths.bundled_library_dir())
    store = app.open_user_data(config, db)
    window = app.build_window(LocalHelpService(library, config), store, None, stored_start=stored)
    once(window.view.painted, lambda: report(window.current_slug))
    window.show()
    qt_app.exec()


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if sys.argv[1] == "start":
        start(sys.argv[2:])
    else:
        reading(Path(sys.argv[2]))
