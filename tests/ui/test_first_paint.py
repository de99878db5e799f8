"""The first paint builds only what it draws (ui/lean.py): no Qt namespace, and none of the
parts made when first used (find bar, glossary popup, search results, printing, panels).

Each case runs the reader to its first paint in a fresh interpreter (first_paint_probe.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from fieldguide import paths
from fieldguide.startup import open_library
from fieldguide.userdata import UserData

PROBE = Path(__file__).with_name("first_paint_probe.py")
MADE_WHEN_USED = (
    "fieldguide.ui.find_bar",
    "fieldguide.ui.glossary",
    "fieldguide.ui.search_controller",
    "fieldguide.ui.search_results",
    "fieldguide.ui.result_delegate",
    "fieldguide.ui.bookmarks_panel",
    "fieldguide.ui.history_panel",
    "fieldguide.ui.trail_menus",
    "fieldguide.ui.printing",
    "fieldguide.search.results",
    "concurrent.futures",
)
# Qt classes the first paint does without (each costs millions of instructions to make):
# shortcuts are given after it, and no Python override takes a plain QEvent (PySide6 would
# make every event class to find its type). A page without pictures needs no QUrl either
# (links carry their URL type by name; a picture is loaded through loadResource(QUrl)).
# A timer given a context object makes QMetaMethod (see qt_start.collect_again_after).
QT_MADE_WHEN_USED = ("QtGui.QKeySequence", "QtGui.QDragEnterEvent", "QtCore.QMetaMethod")
DEEP_PAGE = "withdrawal/how-long-it-lasts"  # under a topic: the line above it has a button


def probe(*args: str) -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(PROBE), *args], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    line = json.loads(done.stdout.strip().splitlines()[-1])
    assert isinstance(line, dict)
    return line


def check(seen: dict[str, Any], qt_made_when_used: tuple[str, ...] = QT_MADE_WHEN_USED) -> None:
    assert not seen["qt_namespace"], "PySide6's Qt namespace was made before the first paint"
    early = [name for name in MADE_WHEN_USED if name in seen["modules"]]
    assert early == [], f"imported before the first paint: {early}"
    made = [name for name in qt_made_when_used if name in seen["qt_classes"]]
    assert made == [], f"Qt classes made before the first paint: {made}"
    # Painting starts no thread: Qt's raster engine would hand big fills (the toolbar's
    # gradient) to a pool of threads and wait for them (qt_start.SERIAL_PAINTING).
    assert seen["threads"] in (1, None), f"{seen['threads']} threads at the first paint"


def test_the_start_page_paints_without_the_qt_namespace_or_the_parts_made_when_used() -> None:
    seen = probe("start")
    assert seen["slug"] == "home"
    check(seen, (*QT_MADE_WHEN_USED, "QtCore.QUrl"))  # the start page has no picture


@pytest.fixture(scope="module")
def library_id() -> str:
    """The bundled library's id, read as the reader reads it: from its current search index."""
    library, stored = open_library(paths.bundled_library_dir())
    if stored is None:
        pytest.skip("the bundled library has no current search index (fieldguide index build)")
    return library.id


def test_reopening_a_page_under_a_topic_paints_without_them_too(
    tmp_path: Path, library_id: str
) -> None:
    db = tmp_path / "userdata.sqlite3"
    store = UserData.open(db)
    store.set_last_position(library_id, DEEP_PAGE, 0.3)
    assert store.flush()
    store.close()
    seen = probe("reading", str(db))
    assert seen["slug"] == DEEP_PAGE
    check(seen)


def test_the_check_sees_the_qt_namespace_when_it_is_made() -> None:
    """The probe can fail: a start that uses the namespace shows it."""
    seen = probe("start", "--kiosk")  # kiosk mode locks keys with Qt's enums before it paints
    assert seen["qt_namespace"]
