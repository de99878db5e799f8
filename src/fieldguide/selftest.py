"""`fieldguide --self-test`: check that this copy of the program works, and say so in one line.

Loads the library (with every check), renders each article, searches (when the program has a
search package), then lets Qt lay out the start page and decode every picture, which proves the
platform and image plugins are in the bundle. Prints one JSON line with what it did; exit 0 if
all of it worked, else 1 with a plain sentence on stderr. Used by the smoke test of a frozen
build, and useful to a clinic checking a copy on a stick.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import fieldguide
from fieldguide import paths

log = logging.getLogger(__name__)

# Qt must be able to decode every kind of picture a library may hold.
IMAGE_FORMATS = ("png", "jpeg", "gif", "svg", "webp")


class SelfTestFailed(Exception):
    """A step found something wrong; the message is for the person running the test."""


def emit(line: dict[str, Any]) -> None:
    """Print one JSON line (a windowed program on Windows may have no stdout at all)."""
    if sys.stdout is not None:
        print(json.dumps(line), flush=True)


def _say(message: str) -> None:
    if sys.stderr is not None:
        print(message, file=sys.stderr, flush=True)


def run_self_test(library_dir: Path) -> int:
    """Run every step on the library in `library_dir`; return the exit code."""
    started = time.perf_counter()
    report: dict[str, Any] = {
        "event": "self-test",
        "ok": False,
        "version": fieldguide.__version__,
        "frozen": paths.is_frozen(),
        "library": str(library_dir),
    }
    steps: list[tuple[str, Callable[[dict[str, Any], dict[str, Any]], None]]] = [
        ("library", _check_library),
        ("render", _check_render),
        ("search", _check_search),
        ("qt", _check_qt),
    ]
    state: dict[str, Any] = {"library_dir": library_dir}
    try:
        for name, step in steps:
            report["step"] = name
            step(state, report)
    except SelfTestFailed as exc:
        report["error"] = str(exc)
    except Exception as exc:  # a bug or a broken bundle: said plainly, no traceback
        log.debug("self-test step %s failed", report["step"], exc_info=True)
        report["error"] = (
            f"The self-test stopped at the {report['step']} step because of an error in the "
            f"program ({type(exc).__name__}: {exc})."
        )
    else:
        report["ok"] = True
        del report["step"]
    report["ms"] = round((time.perf_counter() - started) * 1000, 1)
    emit(report)
    if not report["ok"]:
        _say(f"Field Guide self-test failed: {report['error']}")
        return 1
    return 0


def _check_library(state: dict[str, Any], report: dict[str, Any]) -> None:
    from fieldguide.library.loader import load_library

    library = load_library(state["library_dir"])
    state["library"] = library
    report["articles"] = len(library.articles)
    report["problems"] = len(library.problems)
    if library.errors:
        first = " ".join(
            f"{p.file}: {p.message}" if p.file else p.message for p in library.errors[:3]
        )
        count = len(library.errors)
        raise SelfTestFailed(f"The library has {count} problem{'s' if count > 1 else ''}. {first}")
    if not library.articles:
        raise SelfTestFailed(f"The library in {library.root} has no articles.")
    if library.home not in library.articles:
        raise SelfTestFailed("The library has no start page (home in library.yml).")


def _check_render(state: dict[str, Any], report: dict[str, Any]) -> None:
    from fieldguide.library.render import Renderer

    library = state["library"]
    renderer = Renderer(library)
    images: set[str] = set()
    for article in library.articles.values():
        rendered = renderer.render(article)
        failed = [p for p in rendered.problems if p.code == "render-failed"]
        if failed:
            raise SelfTestFailed(f"The article {article.path} could not be shown.")
        images.update(rendered.images)
        if article.slug == library.home:
            state["home_html"] = rendered.html
    state["images"] = sorted(images)
    report["rendered"] = len(library.articles)


def _check_search(state: dict[str, Any], report: dict[str, Any]) -> None:
    """Search for the start page's title with the index the reader would use."""
    if importlib.util.find_spec("fieldguide.search") is None:
        report["search"] = "not in this version"
        return
    from fieldguide.search import default_index_path, ensure_index
    from fieldguide.startup import read_quick_start

    library_dir: Path = state["library_dir"]
    library = state["library"]
    shipped = default_index_path(library_dir)
    report["quick_start"] = read_quick_start(library_dir) is not None
    handle = ensure_index(library_dir, shipped, None)  # no cache: memory when not shipped
    try:
        report["search_index"] = handle.where
        if shipped.exists() and handle.where != "shipped":
            report["search_note"] = (
                "The search index that came with the program is damaged or out of date, "
                "so it was rebuilt in memory."
            )
        title = library.articles[library.home].title
        hits = handle.searcher().search(title, limit=5).hits
    finally:
        handle.close()
    report["search_hits"] = len(hits)
    if not any(hit.slug == library.home for hit in hits):
        raise SelfTestFailed(f"Searching for “{title}” did not find the start page.")


def _check_qt(state: dict[str, Any], report: dict[str, Any]) -> None:
    from PySide6.QtCore import QSize, qVersion
    from PySide6.QtGui import QImage, QImageReader, QPainter, QTextDocument
    from PySide6.QtWidgets import QApplication

    from fieldguide import notrace, qt_code

    app = QApplication.instance() or QApplication(sys.argv[:1])
    report["qt"] = qVersion()
    # "cached" in a bundle: PySide6 started on the support code compiled at build time
    report["qt_support_code"] = qt_code.last_status
    report["qt_prepared_late"] = list(qt_code.imported_before)  # [] in a bundle
    # True on Linux when a kiosk can keep crash dumps from holding the page (notrace.py)
    report["kiosk_no_dumps"] = notrace.can_stop_crash_dumps()
    report["platform"] = QApplication.platformName()
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    missing = [f for f in IMAGE_FORMATS if f not in formats]
    if missing:
        raise SelfTestFailed(f"This copy cannot show {', '.join(missing)} pictures.")
    root: Path = state["library"].root
    for rel in state["images"]:
        if QImage(str(root / rel)).isNull():
            raise SelfTestFailed(f"The picture {rel} could not be read.")
    report["images"] = len(state["images"])
    _check_icons(report)
    document = QTextDocument()
    document.setHtml(state.get("home_html", ""))
    document.setTextWidth(700)
    image = QImage(QSize(700, 400), QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    document.drawContents(painter)
    painter.end()
    if document.isEmpty() or document.size().height() <= 0:
        raise SelfTestFailed("The start page came out empty.")
    del app


def _check_icons(report: dict[str, Any]) -> None:
    """Every toolbar icon is in this copy and draws."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    from fieldguide.ui.icons import ICON_NAMES, icon

    for name in ICON_NAMES:
        image = icon(name).pixmap(QSize(32, 32), QIcon.Mode.Normal).toImage()
        drawn = not image.isNull() and any(
            image.pixelColor(x, y).alpha() for x in range(32) for y in range(32)
        )
        if not drawn:
            raise SelfTestFailed(f"The toolbar picture “{name}” is missing or damaged.")
    report["icons"] = len(ICON_NAMES)
